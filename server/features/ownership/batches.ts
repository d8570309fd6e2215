import type { Knex } from 'knex';
import type { TransferBatch } from '../../../shared/schemas/ownership';
import type { Actor } from '../../access/actor';
import { customerAccess } from '../../access/customerAccess';
import { notFound } from '../../errors';
import { undoWindowHours } from './undoWindow';

/** A transfer batch for its creator, admins, and whoever may read one of its customers (else 404), with whether the caller may undo it now. */
export async function findTransferBatch(db: Knex, actor: Actor, id: number): Promise<TransferBatch> {
  const admin = actor.role === 'admin';
  const row = await db('transfer_batches as b').leftJoin('users as u', 'u.id', 'b.created_by')
    .where('b.id', id)
    .modify((q) => {
      if (admin) return;
      q.where((visible) => visible.where('b.created_by', actor.id).orWhereExists(
        db('transfer_batch_customers as t').join('customers as c', 'c.id', 't.customer_id')
          .whereRaw('t.batch_id = b.id').where(customerAccess(db, actor).readable()).select(db.raw('1')),
      ));
    })
    .first(
      'b.id', 'b.created_by', 'u.full_name as created_by_name', 'b.created_at', 'b.customer_count', 'b.undone_at',
      db.raw(`(b.undone_at IS NULL AND b.created_at >= now() - make_interval(hours => ?) AND (? OR b.created_by = ?)) AS can_undo`,
        [undoWindowHours, admin, actor.id]),
    );
  if (!row) throw notFound('Transfer batch');
  return {
    id: row.id, createdBy: row.created_by, createdByName: row.created_by_name, createdAt: row.created_at.toISOString(),
    customerCount: row.customer_count, undoneAt: row.undone_at ? row.undone_at.toISOString() : null, canUndo: row.can_undo,
  };
}
