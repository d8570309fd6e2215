import type { Knex } from 'knex';
import type { TransferOwnerBody } from '../../../shared/schemas/ownership';
import { oldRecordKinds, openActivityStatuses } from './oldRecordKinds';

export type Touches = { openActivities: number; activities: number; contracts: number; quotes: number; opportunities: number; orders: number };

/** Customers really changing hands, `m (customer_id, to_owner_id)`: after changeOwners, and as planned (preview). */
const changed = 'SELECT customer_id, to_owner_id FROM owner_changes';
const planned = `SELECT p.customer_id, p.owner_id AS to_owner_id FROM transfer_plan p
  JOIN customers c ON c.id = p.customer_id AND c.deleted_at IS NULL AND c.owner_id IS DISTINCT FROM p.owner_id`;

/** A customer's open activities that someone other than its new owner holds. */
const openActivity = `a.deleted_at IS NULL AND a.status = ANY(?::text[]) AND a.owner_id <> m.to_owner_id`;

const noTouches = (): Touches => ({ openActivities: 0, activities: 0, contracts: 0, quotes: 0, opportunities: 0, orders: 0 });

/**
 * Per chosen kind, how many live records of the planned customers someone other than their new
 * owner holds: what the batch will share with the new owner (recordVisible reads the batch,
 * nothing is written per record). One statement for every kind. Open activities that go to the
 * new owner will be theirs, not shared, so they are left out by status.
 */
async function countSharedRecords(trx: Knex, body: TransferOwnerBody): Promise<Partial<Touches>> {
  const kinds = oldRecordKinds.filter((kind) => body[kind.option]);
  if (kinds.length === 0) return {};
  const bindings: string[][] = [];
  const counts = kinds.map((kind) => {
    const moving = kind.table === 'activities' && body.transferOpenActivities;
    if (moving) bindings.push(openActivityStatuses);
    return `(SELECT count(*)::int FROM ${kind.table} r JOIN (${planned}) AS m ON m.customer_id = r.customer_id
              WHERE r.deleted_at IS NULL AND r.owner_id <> m.to_owner_id ${moving ? 'AND NOT (r.status = ANY(?::text[]))' : ''}) AS ${kind.table}`;
  });
  const { rows } = await trx.raw<{ rows: Partial<Touches>[] }>(`SELECT ${counts.join(', ')}`, bindings);
  return rows[0];
}

/**
 * The options of a transfer, applied to the customers changeOwners moved: open activities get the
 * new owner (each recorded in the batch, to give back on undo); the chosen kinds of existing
 * records are shared read-only with the new owner by the batch itself (its options), so nothing
 * is written for them. Answers how many open activities moved.
 */
export async function applyTransferOptions(trx: Knex, body: TransferOwnerBody, batchId: number): Promise<Pick<Touches, 'openActivities'>> {
  if (!body.transferOpenActivities) return { openActivities: 0 };
  const moved = await trx.raw(
    `WITH moved AS (
       UPDATE activities a SET owner_id = m.to_owner_id, version = a.version + 1, updated_at = now()
         FROM (${changed}) AS m
        WHERE a.customer_id = m.customer_id AND ${openActivity}
       RETURNING a.id, old.owner_id AS from_owner_id)
     INSERT INTO transfer_batch_activities (batch_id, activity_id, from_owner_id) SELECT ?, id, from_owner_id FROM moved`,
    [openActivityStatuses, batchId],
  );
  return { openActivities: moved.rowCount ?? 0 };
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
  return { ...touches, ...await countSharedRecords(trx, body) };
}
