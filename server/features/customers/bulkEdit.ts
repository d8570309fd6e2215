import type { Knex } from 'knex';
import type { BulkEditBody, BulkEditChange, BulkEditResult } from '../../../shared/schemas/customers';
import type { Actor } from '../../access/actor';
import { AppError, badRequest } from '../../errors';
import { customersByIds } from './repository';
import { applyCustomerUpdate } from './service';

/** The field an error of a row is about, when the row's own check does not name one. */
function fieldOf(error: AppError): string {
  if (error.field) return error.field;
  if (error.code === 'VERSION_CONFLICT') return 'version';
  return error.statusCode === 403 || error.statusCode === 404 ? 'id' : '';
}

/** The row's refusal, naming the row (its position in `changes` and its id) and the field. */
function refusalOfRow(error: AppError, index: number, change: BulkEditChange): AppError {
  const field = fieldOf(error);
  return new AppError(error.statusCode, error.code, `Customer ${change.id}: ${error.message}`, `changes.${index}${field ? `.${field}` : ''}`);
}

/**
 * Applies every change in the caller's transaction through the one customer edit (access,
 * version, references, duplicate tax code, owner change, audit). Rows are locked in id order, so
 * two bulk edits over the same rows wait for each other instead of deadlocking. The first refusal
 * is thrown (the caller's transaction then rolls back everything).
 */
export async function bulkEditCustomers(trx: Knex, actor: Actor, changes: BulkEditChange[]): Promise<void> {
  const seen = new Set<number>();
  changes.forEach((change, index) => {
    if (seen.has(change.id)) throw badRequest(`Customer ${change.id} is changed twice`, `changes.${index}.id`);
    seen.add(change.id);
  });
  const order = changes.map((change, index) => ({ change, index })).sort((a, b) => a.change.id - b.change.id);
  for (const { change, index } of order) {
    const { id, ...body } = change;
    try {
      await applyCustomerUpdate(trx, actor, id, body);
    } catch (error) {
      throw error instanceof AppError ? refusalOfRow(error, index, change) : error;
    }
  }
}

/** `POST /api/customers/bulk-edit`: all or nothing in one transaction; a dry run rolls it back. */
export async function runBulkEdit(db: Knex, actor: Actor, body: BulkEditBody): Promise<BulkEditResult> {
  const trx = await db.transaction();
  try {
    await bulkEditCustomers(trx, actor, body.changes);
    if (body.dryRun) await trx.rollback();
    else await trx.commit();
  } catch (error) {
    if (!trx.isCompleted()) await trx.rollback();
    throw error;
  }
  if (body.dryRun) return { updated: body.changes.length, rows: [] };
  return { updated: body.changes.length, rows: await customersByIds(db, actor, body.changes.map((change) => change.id)) };
}
