import type { Knex } from 'knex';
import type { MassUpdateBody, MassUpdateResult } from '../../../shared/schemas/customers';
import type { Actor } from '../../access/actor';
import { badRequest } from '../../errors';
import { writeAudit } from '../audit/writeAudit';
import { addSelectionToCampaign } from '../campaigns/members';
import { lockLiveCampaign } from '../campaigns/repository';
import { isCareStatus } from '../classification/service';
import { createSelectionTable } from './selectionTable';

/**
 * Customer columns a mass update may set: the API field, its column, and the check its value must
 * pass (a 400 naming the field). A later issue adds every editable field here; the update below
 * sets all given columns in one statement.
 */
const columnFields = {
  careStatus: {
    column: 'care_status',
    check: async (trx: Knex, value: string | null) => {
      if (value !== null && !(await isCareStatus(trx, value))) throw badRequest('Care status is not in the list (Thiết lập > Tình trạng chăm sóc)', 'careStatus');
    },
  },
} as const;
type ColumnField = keyof typeof columnFields;

type ColumnChange = { field: ColumnField; column: string; value: string | null };

/**
 * The columns the body sets, text trimmed. Blank text clears like null: the schema's coercion
 * reads a JSON null for a nullable text field as "" (Ajv `coerceTypes`), so both must mean "none".
 */
function columnChanges(body: MassUpdateBody): ColumnChange[] {
  return (Object.keys(columnFields) as ColumnField[])
    .filter((field) => body[field] !== undefined)
    .map((field) => {
      const value = body[field];
      return { field, column: columnFields[field].column, value: typeof value === 'string' ? value.trim() || null : null };
    });
}

/**
 * Sets the columns on every selected customer whose values differ (a new version each), marks
 * them changed, and counts per field how many customers it changed.
 */
async function updateColumns(trx: Knex, changes: ColumnChange[]): Promise<Partial<Record<ColumnField, number>>> {
  const sets = changes.map((change) => `${change.column} = ?`).join(', ');
  const differs = changes.map((change) => `c.${change.column} IS DISTINCT FROM ?`).join(' OR ');
  const counts = changes.map((change) => `count(*) FILTER (WHERE changed.${change.column})::int AS ${change.column}`).join(', ');
  const values = changes.map((change) => change.value);
  const result = await trx.raw(
    `WITH changed AS (
       UPDATE customers c SET ${sets}, version = c.version + 1, updated_at = now()
         FROM mass_update_selection s
        WHERE c.id = s.id AND c.deleted_at IS NULL AND (${differs})
       RETURNING c.id, ${changes.map((change) => `old.${change.column} IS DISTINCT FROM new.${change.column} AS ${change.column}`).join(', ')}
     ), marked AS (
       UPDATE mass_update_selection s SET changed = true FROM changed WHERE s.id = changed.id
     )
     SELECT ${counts} FROM changed`,
    [...values, ...values],
  );
  const row = result.rows[0] as Record<string, number>;
  return Object.fromEntries(changes.map((change) => [change.field, row[change.column]]));
}

/**
 * `POST /api/customers/mass-update` (Cập nhật hàng loạt): on the customers the actor may edit
 * (explicit ids all or nothing, or a filter), sets the given columns and/or adds them to a
 * campaign, set-based, with one audit row. Answers how many were selected, changed, unchanged.
 */
export async function massUpdateCustomers(trx: Knex, actor: Actor, body: MassUpdateBody): Promise<MassUpdateResult> {
  const changes = columnChanges(body);
  if (changes.length === 0 && body.campaignId === undefined) throw badRequest('Choose what to change: a care status or a campaign', 'careStatus');
  for (const change of changes) await columnFields[change.field].check(trx, change.value);
  if (body.campaignId !== undefined) await lockLiveCampaign(trx, body.campaignId, 'campaignId');

  const { matched } = await createSelectionTable(trx, actor, body, 'mass_update_selection');
  const changed: MassUpdateResult['changed'] = changes.length ? await updateColumns(trx, changes) : {};
  if (body.campaignId !== undefined) changed.campaignId = await addSelectionToCampaign(trx, body.campaignId, 'mass_update_selection');

  const count = Number((await trx('mass_update_selection').where({ changed: true }).first(trx.raw('count(*)::int AS n'))).n);
  const ids = count <= 1000 ? (await trx('mass_update_selection').where({ changed: true }).select('id')).map((row) => row.id as number) : [];
  const values = Object.fromEntries(changes.map((change) => [change.field, change.value]));
  await writeAudit(trx, actor.id, 'mass_update', 'customer', ids, { ...values, campaignId: body.campaignId, matched, changed, filter: body.filter ?? null });
  return { matched, updated: count, unchanged: matched - count, changed };
}
