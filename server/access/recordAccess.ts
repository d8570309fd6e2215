import type { Knex } from 'knex';
import type { InfoType } from '../../shared/schemas/enums';
import { oldRecordKinds } from '../features/ownership/oldRecordKinds';
import type { Actor } from './actor';
import { customerAccess } from './customerAccess';
import { managedBy } from './managedBy';

export type RecordKind = 'activity' | 'opportunity' | 'quote' | 'contract' | 'order' | 'payment';

/**
 * Records a transfer shared with the actor (O1 "share old …"): a batch, not undone, moved the
 * record's customer to the actor with the option for this kind, the record existed then, and
 * someone else holds it (the actor's own records, moved open activities included, follow the
 * customer like everyone's). Nothing is written per record: undoing the batch is what hides them.
 * One probe of `transfer_batch_customers_customer` per record, so a customer's related list stays cheap.
 */
function sharedByTransfer(db: Knex, actor: Actor, kind: RecordKind): Knex.Raw {
  const old = oldRecordKinds.find((candidate) => candidate.recordType === kind);
  if (!old) return db.raw('FALSE');
  return db.raw(
    `(r.owner_id <> ? AND EXISTS (SELECT 1 FROM transfer_batch_customers tb JOIN transfer_batches b ON b.id = tb.batch_id
                                  WHERE tb.customer_id = r.customer_id AND tb.to_owner_id = ? AND b.undone_at IS NULL
                                    AND b.options @> ?::jsonb AND r.created_at <= b.created_at))`,
    [actor.id, actor.id, JSON.stringify({ [old.option]: true })],
  );
}

/**
 * Who sees a customer's history record or opportunity (alias `r`, its customer joined as `c`): whoever sees
 * that info type of the customer (owner, managers above, admins, shares that include it), users
 * it was shared with one by one (record_shares) or by a transfer batch, and the record's own
 * owner while they can still open the customer.
 */
export function recordVisible(db: Knex, actor: Actor, kind: RecordKind, infoType: InfoType): Knex.Raw {
  if (actor.role === 'admin') return db.raw('TRUE');
  const shared = kind === 'payment'
    ? db.raw('FALSE')
    : db.raw(`EXISTS (SELECT 1 FROM record_shares rs WHERE rs.record_type = ? AND rs.record_id = r.id AND rs.user_id = ?)`, [kind, actor.id]);
  const access = customerAccess(db, actor);
  const visible = db.raw('(? OR ? OR ? OR (r.owner_id = ? AND ?))', [access.infoVisible(infoType), shared, sharedByTransfer(db, actor, kind), actor.id, access.readable()]);
  const candidates = access.infoCandidateIds?.();
  if (!candidates) return visible;
  // The same set again, as arms each an index can find (customer, owner, primary key) for a
  // BitmapOr: a staff member's 22,000 of 5M activities are collected instead of found by testing
  // every row of a walked index (250–480 ms a page at 1M customers). Each arm covers one arm above.
  return db.raw(`(? AND (r.customer_id = ANY(?) OR r.owner_id = ? OR ${kind === 'payment' ? 'FALSE' : 'r.id = ANY(ARRAY(SELECT rs.record_id FROM record_shares rs WHERE rs.record_type = ? AND rs.user_id = ?))'}
      OR r.customer_id = ANY(ARRAY(SELECT tb.customer_id FROM transfer_batch_customers tb JOIN transfer_batches b ON b.id = tb.batch_id WHERE tb.to_owner_id = ? AND b.undone_at IS NULL))))`,
  [visible, candidates, actor.id, ...(kind === 'payment' ? [] : [kind, actor.id]), actor.id]);
}

/** Who may change or delete it: whoever may edit the customer (owner, managers above, admins). */
export function recordEditable(db: Knex, actor: Actor): Knex.Raw {
  return customerAccess(db, actor).editable();
}

/**
 * Who may change or delete a record that has its own owner (opportunities): whoever may edit the
 * customer, and the record's owner and the managers above that owner (admins: everyone) while
 * they can still open the customer. Over `r` joined with its customer `c`.
 */
export function ownedRecordEditable(db: Knex, actor: Actor): Knex.Raw {
  if (actor.role === 'admin') return db.raw('TRUE');
  const access = customerAccess(db, actor);
  return db.raw('(? OR ((r.owner_id = ? OR ?) AND ?))', [access.editableRow(), actor.id, managedBy(db, actor, 'r.owner_id'), access.readable()]);
}
