import type { Knex } from 'knex';
import type { BulkDeleteBody } from '../../../shared/schemas/customers';
import type { Actor } from '../../access/actor';
import { writeAudit } from '../audit/writeAudit';
import { editableSelection } from './selection';

/** Moves the selected customers (ids, or all matching a filter) to the recycle bin in one statement. */
export async function deleteCustomersInBulk(db: Knex, actor: Actor, body: BulkDeleteBody): Promise<{ updated: number }> {
  return db.transaction(async (trx) => {
    const selection = await editableSelection(trx, actor, body);
    const result = await trx.raw(
      `UPDATE customers c SET deleted_at = now(), deleted_by = ?, version = c.version + 1, updated_at = now(), updated_by = ?
        WHERE c.id IN (?) AND c.deleted_at IS NULL RETURNING c.id`,
      [actor.id, actor.id, selection.query],
    );
    const ids: number[] = result.rows.map((row: { id: number }) => row.id);
    await writeAudit(trx, actor.id, 'delete', 'customer', ids.length <= 1000 ? ids : [], { count: ids.length, filter: body.filter ?? null });
    return { updated: ids.length };
  });
}
