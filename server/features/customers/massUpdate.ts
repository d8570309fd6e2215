import type { Knex } from 'knex';
import type { MassUpdateBody, MassUpdateField, MassUpdateResult } from '../../../shared/schemas/customers';
import type { Actor } from '../../access/actor';
import { badRequest, forbidden } from '../../errors';
import { writeAudit } from '../audit/writeAudit';
import { addSelectionToCampaign } from '../campaigns/members';
import { lockLiveCampaign } from '../campaigns/repository';
import { changeOwners } from '../ownership/changeOwners';
import { changeGroupsOfSelection } from './bulkGroups';
import { checkCustomerReferences } from './references';
import { createSelectionTable } from './selectionTable';

type Counts = MassUpdateResult['changed'];

/**
 * One field the column UPDATE sets: its new value (`set`, SQL over the row `c`), whether a row
 * would change (`differs`, over `c`), and whether it did (`changed`, over RETURNING's old/new).
 * None of these columns may be indexed on `customers`, so the update stays HOT (README).
 */
type ColumnStep = { field: MassUpdateField; set: Knex.Raw; differs: Knex.Raw; changed: Knex.Raw };

/** Blank text clears like null: the schema's coercion reads a JSON null for nullable text as "". */
const textOrNull = (value: string | null | undefined) => (typeof value === 'string' ? value.trim() || null : null);

const tagList = (tags: string[] | undefined) => [...new Set((tags ?? []).map((tag) => tag.trim()).filter(Boolean))];

function columnSteps(db: Knex, body: MassUpdateBody): ColumnStep[] {
  const steps: ColumnStep[] = [];
  const plain = (field: MassUpdateField, column: string, value: string | number | null, cast: string) => steps.push({
    field,
    set: db.raw(`${column} = ?::${cast}`, [value]),
    differs: db.raw(`c.${column} IS DISTINCT FROM ?::${cast}`, [value]),
    changed: db.raw(`old.${column} IS DISTINCT FROM new.${column}`),
  });
  if (body.typeId !== undefined) plain('typeId', 'type_id', body.typeId, 'bigint');
  if (body.careStatus !== undefined) plain('careStatus', 'care_status', textOrNull(body.careStatus), 'text');
  if (body.address !== undefined) plain('address', 'address', textOrNull(body.address), 'text');
  const add = tagList(body.addTags);
  const remove = tagList(body.removeTags);
  if (add.length || remove.length) {
    // Kept tags stay in their order, new ones follow; a row changes only if it lacks an added tag or has a removed one.
    const set = db.raw(`tags = array_cat(ARRAY(SELECT t FROM unnest(c.tags) t WHERE NOT t = ANY(?::text[])),
      ARRAY(SELECT a FROM unnest(?::text[]) a WHERE NOT a = ANY(c.tags)))`, [remove, add]);
    const differs = db.raw('(NOT c.tags @> ?::text[] OR c.tags && ?::text[])', [add, remove]);
    if (add.length) steps.push({ field: 'addTags', set, differs, changed: db.raw('NOT old.tags @> ?::text[]', [add]) });
    if (remove.length) steps.push({ field: 'removeTags', set, differs, changed: db.raw('old.tags && ?::text[]', [remove]) });
  }
  return steps;
}

/**
 * Sets the columns on every selected customer where one differs, and gives a new version to those
 * and to the ones already marked changed (their groups changed); marks them changed; counts per field.
 */
async function updateColumns(trx: Knex, actor: Actor, steps: ColumnStep[]): Promise<Counts> {
  const sets = [...new Set(steps.map((step) => step.set))];
  const differs = [...new Set(steps.map((step) => step.differs))];
  const result = await trx.raw(
    `WITH updated AS (
       UPDATE customers c SET ${sets.map(() => '?, ').join('')}version = c.version + 1, updated_at = now(), updated_by = ?
         FROM mass_update_selection s
        WHERE c.id = s.id AND c.deleted_at IS NULL AND (${[...differs.map(() => '?'), 's.changed'].join(' OR ')})
       RETURNING c.id${steps.map((_, index) => `, ? AS f${index}`).join('')}
     ), marked AS (
       UPDATE mass_update_selection s SET changed = true FROM updated WHERE s.id = updated.id
     )
     SELECT ${['0 AS none', ...steps.map((_, index) => `count(*) FILTER (WHERE updated.f${index})::int AS f${index}`)].join(', ')} FROM updated`,
    [...sets, actor.id, ...differs, ...steps.map((step) => step.changed)],
  );
  const row = result.rows[0] as Record<string, number>;
  return Object.fromEntries(steps.map((step, index) => [step.field, row[`f${index}`]]));
}

/** Checks every value before anything is written; a 400 names the field, a refused owner is 403. */
async function checkValues(trx: Knex, actor: Actor, body: MassUpdateBody): Promise<void> {
  if (body.ownerId !== undefined && actor.role === 'staff') throw forbidden('Only managers and admins change owners in bulk');
  if ((body.groupIds === undefined) !== (body.groupMode === undefined)) {
    throw badRequest('Give the groups and what to do with them (add, remove, move)', body.groupIds === undefined ? 'groupIds' : 'groupMode');
  }
  const add = new Set(tagList(body.addTags));
  if (tagList(body.removeTags).some((tag) => add.has(tag))) throw badRequest('A tag cannot be added and removed at once', 'removeTags');
  await checkCustomerReferences(trx, actor, {
    typeId: body.typeId, careStatus: textOrNull(body.careStatus), ownerId: body.ownerId, groupIds: body.groupIds,
  });
  if (body.campaignId !== undefined) await lockLiveCampaign(trx, body.campaignId, 'campaignId');
}

/**
 * `POST /api/customers/mass-update` (Cập nhật hàng loạt): on the customers the actor may edit
 * (explicit ids all or nothing, or a filter), in the caller's transaction: groups through C3's
 * operation, the columns in one HOT UPDATE (a new version for every customer whose columns or
 * groups changed), campaign membership, then the owner through the one owner-change operation;
 * one audit row. Answers per field how many customers it changed and how many already were so.
 */
export async function massUpdateCustomers(trx: Knex, actor: Actor, body: MassUpdateBody): Promise<MassUpdateResult> {
  const steps = columnSteps(trx, body);
  if (steps.length === 0 && body.groupIds === undefined && body.groupMode === undefined && body.campaignId === undefined && body.ownerId === undefined) {
    throw badRequest('Choose what to change: a type, care status, tags, groups, address, owner or campaign', 'careStatus');
  }
  await checkValues(trx, actor, body);

  const { matched } = await createSelectionTable(trx, actor, body, 'mass_update_selection');
  const changed: Counts = {};
  if (body.groupIds !== undefined && body.groupMode !== undefined) {
    changed.groupIds = await changeGroupsOfSelection(trx, 'mass_update_selection', body.groupMode, body.groupIds);
  }
  if (steps.length || changed.groupIds) Object.assign(changed, await updateColumns(trx, actor, steps));
  if (body.campaignId !== undefined) changed.campaignId = await addSelectionToCampaign(trx, body.campaignId, 'mass_update_selection');
  if (body.ownerId !== undefined) {
    const plan = { source: trx.raw('SELECT s.id AS customer_id, ?::bigint AS owner_id, NULL::integer AS expected_version FROM mass_update_selection s', [body.ownerId]) };
    changed.ownerId = (await changeOwners(trx, actor, plan, 'edit', { detail: { massUpdate: true, filter: body.filter ?? null } })).changed;
    if (changed.ownerId) await trx.raw('UPDATE mass_update_selection s SET changed = true FROM owner_changes o WHERE o.customer_id = s.id');
  }

  const count = Number((await trx('mass_update_selection').where({ changed: true }).first(trx.raw('count(*)::int AS n'))).n);
  const ids = count <= 1000 ? (await trx('mass_update_selection').where({ changed: true }).select('id')).map((row) => row.id as number) : [];
  const unchangedBy = Object.fromEntries(Object.entries(changed).map(([field, n]) => [field, matched - n]));
  const { customerIds: _ids, excludeIds: _excluded, filter, ...values } = body;
  await writeAudit(trx, actor.id, 'mass_update', 'customer', ids, { ...values, matched, changed, filter: filter ?? null });
  return { matched, updated: count, unchanged: matched - count, changed, unchangedBy };
}
