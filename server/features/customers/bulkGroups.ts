import type { Knex } from 'knex';
import type { BulkGroupsBody } from '../../../shared/schemas/customers';
import type { GroupMode } from '../../../shared/schemas/enums';
import type { Actor } from '../../access/actor';
import { writeAudit } from '../audit/writeAudit';
import { checkGroups } from './references';
import { createSelectionTable, type SelectionTableName } from './selectionTable';

/**
 * C3's group change on the customers of a selection table: move (the groups replace the current
 * ones), add, or remove, in one statement; marks the customers whose groups changed and answers
 * how many. Bumps no version: the caller does (C3 and the mass update both use this).
 */
export async function changeGroupsOfSelection(trx: Knex, table: SelectionTableName, mode: GroupMode, groupIds: number[]): Promise<number> {
  const steps: { name: string; sql: string }[] = [];
  const bindings: number[][] = [];
  if (mode === 'move' || mode === 'remove') {
    steps.push({ name: 'removed', sql: `DELETE FROM customer_group_members m USING ${table} s
      WHERE m.customer_id = s.id AND ${mode === 'move' ? 'NOT (m.group_id = ANY(?::bigint[]))' : 'm.group_id = ANY(?::bigint[])'}
      RETURNING m.customer_id` });
    bindings.push(groupIds);
  }
  if ((mode === 'move' || mode === 'add') && groupIds.length) {
    // Rows a move keeps are neither deleted nor inserted (the sets are disjoint), so one statement does.
    steps.push({ name: 'added', sql: `INSERT INTO customer_group_members (customer_id, group_id)
      SELECT s.id, g.id FROM ${table} s CROSS JOIN unnest(?::bigint[]) AS g(id)
      ON CONFLICT DO NOTHING RETURNING customer_id` });
    bindings.push(groupIds);
  }
  if (steps.length === 0) return 0;
  const touched = steps.map((step) => `SELECT customer_id FROM ${step.name}`).join(' UNION ');
  const result = await trx.raw(`WITH ${steps.map((step) => `${step.name} AS (${step.sql})`).join(', ')} UPDATE ${table} s SET changed = true WHERE s.id IN (${touched})`, bindings);
  return result.rowCount ?? 0;
}

/**
 * C3: move, add, or remove groups on a selection, as a few set-based statements in one
 * transaction. Every selected customer gets a new version.
 */
export async function changeGroupsInBulk(db: Knex, actor: Actor, body: BulkGroupsBody): Promise<{ updated: number }> {
  return db.transaction(async (trx) => {
    if (body.groupIds.length) await checkGroups(trx, body.groupIds);
    await createSelectionTable(trx, actor, body, 'bulk_selection');
    const groupIds = body.groupIds;
    await changeGroupsOfSelection(trx, 'bulk_selection', body.mode, groupIds);
    const updated = await trx.raw(
      `UPDATE customers c SET version = c.version + 1, updated_at = now(), updated_by = ? FROM bulk_selection s WHERE c.id = s.id`,
      [actor.id],
    );
    const count = updated.rowCount ?? 0;
    const ids = count <= 1000 ? (await trx('bulk_selection').select('id')).map((row) => row.id as number) : [];
    await writeAudit(trx, actor.id, `groups_${body.mode}`, 'customer', ids, { groupIds, count, filter: body.filter ?? null });
    return { updated: count };
  });
}
