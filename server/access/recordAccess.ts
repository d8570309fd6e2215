import type { Knex } from 'knex';
import type { InfoType } from '../../shared/schemas/enums';
import type { Actor } from './actor';
import { customerAccess } from './customerAccess';

export type RecordKind = 'activity' | 'opportunity' | 'quote' | 'contract' | 'order' | 'payment';

/**
 * Who sees a customer's history record or opportunity (alias `r`, its customer joined as `c`): whoever sees
 * that info type of the customer (owner, managers above, admins, shares that include it), users
 * it was shared with one by one (record_shares, e.g. after a transfer), and the record's own
 * owner while they can still open the customer.
 */
export function recordVisible(db: Knex, actor: Actor, kind: RecordKind, infoType: InfoType): Knex.Raw {
  if (actor.role === 'admin') return db.raw('TRUE');
  const shared = kind === 'payment'
    ? db.raw('FALSE')
    : db.raw(`EXISTS (SELECT 1 FROM record_shares rs WHERE rs.record_type = ? AND rs.record_id = r.id AND rs.user_id = ?)`, [kind, actor.id]);
  const access = customerAccess(db, actor);
  return db.raw('(? OR ? OR (r.owner_id = ? AND ?))', [access.infoVisible(infoType), shared, actor.id, access.readable()]);
}

/** Who may change or delete it: whoever may edit the customer (owner, managers above, admins). */
export function recordEditable(db: Knex, actor: Actor): Knex.Raw {
  return customerAccess(db, actor).editable();
}
