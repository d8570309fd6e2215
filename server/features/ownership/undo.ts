import type { Knex } from 'knex';
import type { UndoResult } from '../../../shared/schemas/ownership';
import type { Actor } from '../../access/actor';
import { AppError, conflict, notFound } from '../../errors';
import { changeOwners } from './changeOwners';
import { undoWindowHours } from './undoWindow';

/**
 * Undo of a transfer batch (the same user or an admin, within 24 h, once), in the caller's
 * transaction. Customers still as the batch left them (same version) go back to their owner,
 * previous owner and assignment time through changeOwners; their moved open activities go back
 * to whoever held them, if the new owner still does. Marking the batch undone is what takes back
 * the old records it shared (recordVisible reads only batches not undone). A customer changed
 * since, deleted, or whose old owner is no longer active stays as it is and is reported.
 */
export async function undoTransferBatch(trx: Knex, actor: Actor, batchId: number): Promise<UndoResult> {
  const batch = await trx('transfer_batches').where({ id: batchId }).forUpdate()
    .first('created_by', 'undone_at', trx.raw(`created_at < now() - make_interval(hours => ?) AS expired`, [undoWindowHours]));
  if (!batch) throw notFound('Transfer batch');
  if (batch.created_by !== actor.id && actor.role !== 'admin') {
    throw new AppError(403, 'UNDO_NOT_ALLOWED', 'Only the user who made this transfer, or an admin, may undo it');
  }
  if (batch.undone_at) throw conflict('ALREADY_UNDONE', 'This transfer has already been undone');
  if (batch.expired) throw conflict('UNDO_EXPIRED', `A transfer can be undone only within ${undoWindowHours} hours`);

  const { changed } = await changeOwners(trx, actor, {
    restore: true,
    source: trx.raw(
      `SELECT b.customer_id, b.from_owner_id AS owner_id, b.version_after AS expected_version,
              b.from_previous_owner_id AS previous_owner_id, b.from_assigned_at AS assigned_at
         FROM transfer_batch_customers b LEFT JOIN users u ON u.id = b.from_owner_id
        WHERE b.batch_id = ? AND (b.from_owner_id IS NULL OR u.active)`,
      [batchId],
    ),
  }, 'undo', { batchId, link: `/customers?batch=${batchId}` });

  await trx.raw(
    `UPDATE activities a SET owner_id = m.from_owner_id, version = a.version + 1, updated_at = now()
       FROM transfer_batch_activities m, owner_changes o
      WHERE m.batch_id = ? AND a.id = m.activity_id AND o.customer_id = a.customer_id
        AND a.owner_id = o.from_owner_id AND a.deleted_at IS NULL`,
    [batchId],
  );
  await trx('transfer_batches').where({ id: batchId }).update({ undone_at: trx.fn.now(), undone_by: actor.id });

  const { rows: skipped } = await trx.raw<{ rows: UndoResult['skipped'] }>(
    `SELECT b.customer_id AS "customerId",
            CASE WHEN c.deleted_at IS NOT NULL THEN 'deleted'
                 WHEN c.version <> b.version_after THEN 'changed_since'
                 ELSE 'owner_inactive' END AS reason
       FROM transfer_batch_customers b JOIN customers c ON c.id = b.customer_id
      WHERE b.batch_id = ? AND NOT EXISTS (SELECT 1 FROM owner_changes o WHERE o.customer_id = b.customer_id)
      ORDER BY b.customer_id`,
    [batchId],
  );
  return { restored: changed, skipped };
}
