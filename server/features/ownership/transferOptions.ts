import type { Knex } from 'knex';
import type { TransferOwnerBody } from '../../../shared/schemas/ownership';
import { oldRecordKinds, openActivityStatuses } from './oldRecordKinds';

export type Touches = { openActivities: number; activities: number; contracts: number; quotes: number; opportunities: number; orders: number };

/** Customers really changing hands, `m (customer_id, to_owner_id)`: after changeOwners, and as planned. */
const changed = 'SELECT customer_id, to_owner_id FROM owner_changes';
const planned = `SELECT p.customer_id, p.owner_id AS to_owner_id FROM transfer_plan p
  JOIN customers c ON c.id = p.customer_id AND c.deleted_at IS NULL AND c.owner_id IS DISTINCT FROM p.owner_id`;

/** A customer's open activities that someone other than its new owner holds. */
const openActivity = `a.deleted_at IS NULL AND a.status = ANY(?::text[]) AND a.owner_id <> m.to_owner_id`;
/** A customer's existing records held by someone other than its new owner: shared with the new owner. */
const othersRecord = 'r.deleted_at IS NULL AND r.owner_id <> m.to_owner_id';

const noTouches = (): Touches => ({ openActivities: 0, activities: 0, contracts: 0, quotes: 0, opportunities: 0, orders: 0 });

/**
 * The options of a transfer, applied to the customers changeOwners moved: open activities get the
 * new owner (each recorded in the batch, to give back on undo); the chosen kinds of existing
 * records are shared read-only with the new owner (record_shares of the batch). Answers what
 * was touched.
 */
export async function applyTransferOptions(trx: Knex, body: TransferOwnerBody, batchId: number): Promise<Touches> {
  const touches = noTouches();
  if (body.transferOpenActivities) {
    const moved = await trx.raw(
      `WITH moved AS (
         UPDATE activities a SET owner_id = m.to_owner_id, version = a.version + 1, updated_at = now()
           FROM (${changed}) AS m
          WHERE a.customer_id = m.customer_id AND ${openActivity}
         RETURNING a.id, old.owner_id AS from_owner_id)
       INSERT INTO transfer_batch_activities (batch_id, activity_id, from_owner_id) SELECT ?, id, from_owner_id FROM moved`,
      [openActivityStatuses, batchId],
    );
    touches.openActivities = moved.rowCount ?? 0;
  }
  for (const kind of oldRecordKinds) {
    if (!body[kind.option]) continue;
    const shared = await trx.raw(
      `INSERT INTO record_shares (record_type, record_id, user_id, batch_id)
       SELECT ?, r.id, m.to_owner_id, ? FROM ${kind.table} r JOIN (${changed}) AS m ON m.customer_id = r.customer_id
        WHERE ${othersRecord}
       ON CONFLICT DO NOTHING`,
      [kind.recordType, batchId],
    );
    touches[kind.table] = shared.rowCount ?? 0;
  }
  return touches;
}

/** What applyTransferOptions would touch for the plan in `transfer_plan`, changing nothing. */
export async function previewTransferOptions(trx: Knex, body: TransferOwnerBody): Promise<Touches> {
  const touches = noTouches();
  if (body.transferOpenActivities) {
    const { rows } = await trx.raw<{ rows: { n: number }[] }>(
      `SELECT count(*)::int AS n FROM activities a JOIN (${planned}) AS m ON m.customer_id = a.customer_id WHERE ${openActivity}`,
      [openActivityStatuses],
    );
    touches.openActivities = rows[0].n;
  }
  for (const kind of oldRecordKinds) {
    if (!body[kind.option]) continue;
    // Open activities about to be moved to the new owner are theirs, not someone else's.
    const moving = kind.table === 'activities' && body.transferOpenActivities;
    const { rows } = await trx.raw<{ rows: { n: number }[] }>(
      `SELECT count(*)::int AS n FROM ${kind.table} r JOIN (${planned}) AS m ON m.customer_id = r.customer_id
        WHERE ${othersRecord} ${moving ? 'AND NOT (r.status = ANY(?::text[]))' : ''}
          AND NOT EXISTS (SELECT 1 FROM record_shares s WHERE s.record_type = ? AND s.record_id = r.id AND s.user_id = m.to_owner_id)`,
      [...(moving ? [openActivityStatuses] : []), kind.recordType],
    );
    touches[kind.table] = rows[0].n;
  }
  return touches;
}
