import type { Knex } from 'knex';
import type { BulkGroupsBody } from '../../../shared/schemas/customers';
import type { Actor } from '../../access/actor';
import { writeAudit } from '../audit/writeAudit';
import { checkGroups } from './references';
import { editableSelection } from './selection';

/**
 * C3: move (the chosen groups replace the current ones), add, or remove groups on a selection,
 * as a few set-based statements in one transaction. Touched customers get a new version.
 */
export async function changeGroupsInBulk(db: Knex, actor: Actor, body: BulkGroupsBody): Promise<{ updated: number }> {
  return db.transaction(async (trx) => {
    if (body.groupIds.length) await checkGroups(trx, body.groupIds);
    const selection = await editableSelection(trx, actor, body);
    await trx.raw('CREATE TEMP TABLE bulk_selection ON COMMIT DROP AS ?', [selection.query]);
    await trx.raw('ALTER TABLE bulk_selection ADD PRIMARY KEY (id)');
    const groupIds = body.groupIds;
    if (body.mode === 'move' || body.mode === 'remove') {
      const keep = body.mode === 'move';
      await trx.raw(
        `DELETE FROM customer_group_members m USING bulk_selection s
          WHERE m.customer_id = s.id AND ${keep ? 'NOT (m.group_id = ANY(?::bigint[]))' : 'm.group_id = ANY(?::bigint[])'}`,
        [groupIds],
      );
    }
    if ((body.mode === 'move' || body.mode === 'add') && groupIds.length) {
      await trx.raw(
        `INSERT INTO customer_group_members (customer_id, group_id)
         SELECT s.id, g.id FROM bulk_selection s CROSS JOIN unnest(?::bigint[]) AS g(id)
         ON CONFLICT DO NOTHING`,
        [groupIds],
      );
    }
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
