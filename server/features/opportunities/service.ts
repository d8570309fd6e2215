import type { Knex } from 'knex';
import type { OpportunityStage } from '../../../shared/schemas/enums';
import type {
  CreateOpportunityBody, OpportunityDetail, OpportunityLineInput, UpdateOpportunityBody,
} from '../../../shared/schemas/opportunities';
import type { Actor } from '../../access/actor';
import { customerAccess, ownerAssignable } from '../../access/customerAccess';
import { ownedRecordEditable, recordVisible } from '../../access/recordAccess';
import { columnValues } from '../../db/columnValues';
import { badRequest, forbidden, notFound, versionConflict } from '../../errors';
import { versionChange } from '../audit/versionChange';
import { writeAudit } from '../audit/writeAudit';
import { findLostReasonId } from '../lostReasons/catalog';
import { findVisibleOpportunity } from './repository';

const columnOf = {
  name: 'name', expectedDate: 'expected_date', ownerId: 'owner_id', stage: 'stage', customerId: 'customer_id', source: 'source',
  type: 'type', status: 'status', probability: 'probability', expectedRevenue: 'expected_revenue', startDate: 'start_date',
} as const;

/** A new opportunity's customer (or the one an edit moves it to) must be one the actor may edit. */
async function checkCustomer(trx: Knex, actor: Actor, customerId: number): Promise<void> {
  const access = customerAccess(trx, actor);
  const customer = await trx('customers as c').where('c.id', customerId).whereNull('c.deleted_at')
    .first(trx.raw('? AS editable', [access.editable()]), trx.raw('? AS readable', [access.readable()]));
  if (!customer || (!customer.readable && !customer.editable)) throw badRequest('Customer does not exist', 'customerId');
  if (!customer.editable) throw forbidden('This customer is read-only for you');
}

async function checkOwner(trx: Knex, actor: Actor, ownerId: number): Promise<void> {
  if (!(await ownerAssignable(trx, actor, ownerId))) throw badRequest('The owner must be you or an active user you manage', 'ownerId');
}

/**
 * The lost reason columns for the stage an opportunity ends in. Lost needs a reason of the managed
 * list (by name); keeping the one it already has is allowed even if that reason was deleted since.
 * `lost_at` is set when it becomes lost and cleared when it leaves lost.
 */
async function lostColumns(
  trx: Knex, stage: OpportunityStage, lostReason: string | null | undefined,
  current?: { stage: OpportunityStage; lost_reason_id: number | null; lost_reason: string | null },
): Promise<Record<string, unknown>> {
  if (stage !== 'lost') return { lost_reason_id: null, lost_at: null };
  const keep = current?.stage === 'lost' && current.lost_reason_id !== null
    && (lostReason === undefined || lostReason?.trim().toLowerCase() === current.lost_reason?.toLowerCase());
  const lostAt = current?.stage === 'lost' ? {} : { lost_at: trx.fn.now() };
  if (keep) return { lost_reason_id: current.lost_reason_id, ...lostAt };
  if (!lostReason?.trim()) throw badRequest('A lost opportunity needs a lost reason', 'lostReason');
  const id = await findLostReasonId(trx, lostReason);
  if (id === undefined) throw badRequest(`"${lostReason.trim()}" is not a lost reason of the list`, 'lostReason');
  return { lost_reason_id: id, ...lostAt };
}

/** Replaces the product lines; every product must exist and not be deleted. */
async function replaceLines(trx: Knex, opportunityId: number, products: OpportunityLineInput[] | undefined): Promise<void> {
  if (products === undefined) return;
  await trx('opportunity_lines').where({ opportunity_id: opportunityId }).delete();
  if (products.length === 0) return;
  const productIds = [...new Set(products.map((line) => line.productId))];
  const [{ n }] = await trx('products').whereIn('id', productIds).whereNull('deleted_at').count<{ n: number }[]>('* as n');
  if (Number(n) < productIds.length) throw badRequest('A product does not exist', 'products');
  await trx('opportunity_lines').insert(products.map((line) => ({
    opportunity_id: opportunityId, product_id: line.productId, quantity: line.quantity, price: line.price,
  })));
}

/** S1 create: the number comes from the column's sequence default (unique however many create at once). */
export async function createOpportunity(db: Knex, actor: Actor, body: CreateOpportunityBody): Promise<OpportunityDetail> {
  const id = await db.transaction(async (trx) => {
    await checkCustomer(trx, actor, body.customerId);
    await checkOwner(trx, actor, body.ownerId);
    const lost = await lostColumns(trx, body.stage, body.lostReason);
    const [row] = await trx('opportunities').insert({ ...columnValues(columnOf, body), ...lost, created_by: actor.id }, ['id', 'number']);
    await replaceLines(trx, row.id, body.products);
    await writeAudit(trx, actor.id, 'create', 'opportunity', [row.id], { number: row.number, customerId: body.customerId });
    return row.id as number;
  });
  return (await findVisibleOpportunity(db, actor, id))!;
}

type LockedOpportunity = {
  version: number; customer_id: number; owner_id: number; stage: OpportunityStage; lost_reason_id: number | null; lost_reason: string | null;
};

/** Locks the opportunity if the actor may change it: 404 when they cannot see it, 403 when it is read-only for them. */
async function lockEditable(trx: Knex, actor: Actor, id: number, deleted = false): Promise<LockedOpportunity> {
  const row = await trx('opportunities as r').join('customers as c', 'c.id', 'r.customer_id')
    .leftJoin('lost_reasons as lr', 'lr.id', 'r.lost_reason_id')
    .where('r.id', id).whereNull('c.deleted_at')
    .modify((q) => (deleted ? q.whereNotNull('r.deleted_at') : q.whereNull('r.deleted_at')))
    .forUpdate('r')
    .first('r.version', 'r.customer_id', 'r.owner_id', 'r.stage', 'r.lost_reason_id', 'lr.name as lost_reason',
      trx.raw('? AS visible', [recordVisible(trx, actor, 'opportunity', 'opportunities')]), trx.raw('? AS editable', [ownedRecordEditable(trx, actor)]));
  if (!row || !row.visible) throw notFound('Opportunity');
  if (!row.editable) throw forbidden('This opportunity is read-only for you');
  return row;
}

export async function updateOpportunity(db: Knex, actor: Actor, id: number, body: UpdateOpportunityBody): Promise<OpportunityDetail> {
  await db.transaction(async (trx) => {
    const current = await lockEditable(trx, actor, id);
    if (current.version !== body.version) throw versionConflict('opportunity', await versionChange(trx, 'opportunity', id));
    if (body.customerId !== undefined && body.customerId !== current.customer_id) await checkCustomer(trx, actor, body.customerId);
    if (body.ownerId !== undefined && body.ownerId !== current.owner_id) await checkOwner(trx, actor, body.ownerId);
    const lost = await lostColumns(trx, body.stage ?? current.stage, body.lostReason, current);
    await trx('opportunities').where({ id }).update({ ...columnValues(columnOf, body), ...lost, version: current.version + 1, updated_at: trx.fn.now() });
    await replaceLines(trx, id, body.products);
    const { version: _version, ...changed } = body;
    await writeAudit(trx, actor.id, 'update', 'opportunity', [id], { fields: Object.keys(changed) });
  });
  return (await findVisibleOpportunity(db, actor, id))!;
}

/** To the recycle bin (restorable), like customers. */
export async function deleteOpportunity(db: Knex, actor: Actor, id: number): Promise<void> {
  await db.transaction(async (trx) => {
    const current = await lockEditable(trx, actor, id);
    await trx('opportunities').where({ id }).update({ deleted_at: trx.fn.now(), deleted_by: actor.id, version: current.version + 1, updated_at: trx.fn.now() });
    await writeAudit(trx, actor.id, 'delete', 'opportunity', [id]);
  });
}

/** Back from the recycle bin, for whoever may edit it (its customer must not be deleted). */
export async function restoreOpportunity(db: Knex, actor: Actor, id: number): Promise<OpportunityDetail> {
  await db.transaction(async (trx) => {
    const current = await lockEditable(trx, actor, id, true);
    await trx('opportunities').where({ id }).update({ deleted_at: null, deleted_by: null, version: current.version + 1, updated_at: trx.fn.now() });
    await writeAudit(trx, actor.id, 'restore', 'opportunity', [id]);
  });
  return (await findVisibleOpportunity(db, actor, id))!;
}
