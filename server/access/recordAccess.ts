import type { Knex } from 'knex';
import type { InfoType } from '../../shared/schemas/enums';
import type { Actor } from './actor';
import { customerAccess } from './customerAccess';

export type RecordKind = 'activity' | 'quote' | 'contract' | 'order' | 'payment';

/**
 * Who sees a customer's history record (alias `r`, its customer joined as `c`): whoever sees
 * that info type of the customer (owner, managers above, admins, shares that include it), the
 * record's own owner, and users it was shared with one by one (record_shares, e.g. after a transfer).
 */
export function recordVisible(db: Knex, actor: Actor, kind: RecordKind, infoType: InfoType): Knex.Raw {
  if (actor.role === 'admin') return db.raw('TRUE');
  const shared = kind === 'payment'
    ? db.raw('FALSE')
    : db.raw(`EXISTS (SELECT 1 FROM record_shares rs WHERE rs.record_type = ? AND rs.record_id = r.id AND rs.user_id = ?)`, [kind, actor.id]);
  return db.raw('(? OR r.owner_id = ? OR ?)', [customerAccess(db, actor).infoVisible(infoType), actor.id, shared]);
}

/** Who may change or delete it: whoever may edit the customer, and the record's own owner. */
export function recordEditable(db: Knex, actor: Actor): Knex.Raw {
  return db.raw('(? OR r.owner_id = ?)', [customerAccess(db, actor).editable(), actor.id]);
}
