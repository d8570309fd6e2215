import type { Knex } from 'knex';
import type { CreateCustomerBody, Customer, UpdateCustomerBody } from '../../../shared/schemas/customers';
import { infoTypes } from '../../../shared/schemas/enums';
import type { Actor } from '../../access/actor';
import { customerAccess } from '../../access/customerAccess';
import { columnValues } from '../../db/columnValues';
import { forbidden, notFound, versionConflict } from '../../errors';
import { writeAudit } from '../audit/writeAudit';
import { customersByIds } from './repository';
import { checkCustomerReferences } from './references';
import { refuseDuplicateTaxCode } from './duplicates';
import { changeOwners } from '../ownership/changeOwners';
import { ownerPlanOf } from '../ownership/ownerPlanOf';

async function replaceGroups(trx: Knex, customerId: number, groupIds: number[]): Promise<void> {
  await trx('customer_group_members').where({ customer_id: customerId }).delete();
  if (groupIds.length) await trx('customer_group_members').insert(groupIds.map((groupId) => ({ customer_id: customerId, group_id: groupId })));
}

/** Manual multi-assign (O3): these users may view the customer, read-only, every info type. */
async function replaceAssignedUsers(trx: Knex, actor: Actor, customerId: number, userIds: number[]): Promise<void> {
  await trx('customer_shares').where({ customer_id: customerId, source: 'assigned' }).delete();
  if (userIds.length) {
    await trx('customer_shares').insert(userIds.map((userId) => ({
      customer_id: customerId, user_id: userId, source: 'assigned', info_types: [...infoTypes], created_by: actor.id,
    })));
  }
}

const columnOf = {
  name: 'name', code: 'code', taxCode: 'tax_code', email: 'email', phone: 'phone', address: 'address',
  typeId: 'type_id', careStatus: 'care_status', tags: 'tags', tierId: 'tier_id',
} as const;

export async function createCustomer(db: Knex, actor: Actor, body: CreateCustomerBody): Promise<Customer> {
  const ownerId = body.ownerId ?? actor.id;
  const id = await db.transaction(async (trx) => {
    await checkCustomerReferences(trx, actor, { ...body, ownerId });
    await refuseDuplicateTaxCode(trx, body.taxCode);
    const [row] = await trx('customers').insert({ ...columnValues(columnOf, body), owner_id: ownerId, created_by: actor.id }, ['id']);
    await replaceGroups(trx, row.id, body.groupIds ?? []);
    await replaceAssignedUsers(trx, actor, row.id, body.assignedUserIds ?? []);
    await trx('ownership_history').insert({ customer_id: row.id, from_user_id: null, to_user_id: ownerId, reason: 'create', changed_by: actor.id });
    await writeAudit(trx, actor.id, 'create', 'customer', [row.id], { name: body.name });
    return row.id as number;
  });
  return (await customersByIds(db, actor, [id]))[0];
}

/** Locks the customer row if the actor may edit it; 404 when invisible, 403 when read-only. */
async function lockEditable(trx: Knex, actor: Actor, id: number, deleted = false): Promise<{ owner_id: number | null; version: number }> {
  const access = customerAccess(trx, actor);
  const row = await trx('customers as c').where('c.id', id)
    .modify((q) => (deleted ? q.whereNotNull('c.deleted_at') : q.whereNull('c.deleted_at')))
    .forUpdate()
    .first('c.owner_id', 'c.version', trx.raw('? AS editable', [access.editable()]), trx.raw('? AS readable', [access.readable()]));
  if (!row || (!row.readable && !row.editable)) throw notFound('Customer');
  if (!row.editable) throw forbidden('This customer is read-only for you');
  return row;
}

export async function updateCustomer(db: Knex, actor: Actor, id: number, body: UpdateCustomerBody): Promise<Customer> {
  await db.transaction((trx) => applyCustomerUpdate(trx, actor, id, body));
  return (await customersByIds(db, actor, [id]))[0];
}

/**
 * One customer's versioned edit in the caller's transaction: the access, version, reference and
 * duplicate checks and the writes of `PATCH /api/customers/:id`; bulk edit runs it per row.
 */
export async function applyCustomerUpdate(trx: Knex, actor: Actor, id: number, body: UpdateCustomerBody): Promise<void> {
  const current = await lockEditable(trx, actor, id);
  if (current.version !== body.version) {
    const change = await trx('customers as c').leftJoin('users as u', 'u.id', 'c.updated_by').where('c.id', id).first('u.full_name as by', 'c.updated_at as at');
    throw versionConflict('customer', change);
  }
  await checkCustomerReferences(trx, actor, body);
  await refuseDuplicateTaxCode(trx, body.taxCode, id);
  // The owner moves through the one owner-change operation (history, notifications), which sets
  // the new version; the other fields then land in that same version.
  if (body.ownerId !== undefined && body.ownerId !== current.owner_id) {
    const plan = ownerPlanOf(trx, [{ customerId: id, ownerId: body.ownerId, expectedVersion: current.version }]);
    await changeOwners(trx, actor, plan, 'edit', { link: `/customers/${id}` });
  }
  await trx('customers').where({ id }).update({ ...columnValues(columnOf, body), version: current.version + 1, updated_at: trx.fn.now(), updated_by: actor.id });
  if (body.groupIds) await replaceGroups(trx, id, body.groupIds);
  if (body.assignedUserIds) await replaceAssignedUsers(trx, actor, id, body.assignedUserIds);
  const { version: _version, ...changed } = body;
  await writeAudit(trx, actor.id, 'update', 'customer', [id], { fields: Object.keys(changed) });
}

/** Moves the customer to the recycle bin. */
export async function deleteCustomer(db: Knex, actor: Actor, id: number): Promise<void> {
  await db.transaction(async (trx) => {
    const current = await lockEditable(trx, actor, id);
    await trx('customers').where({ id }).update({ deleted_at: trx.fn.now(), deleted_by: actor.id, version: current.version + 1, updated_at: trx.fn.now(), updated_by: actor.id });
    await writeAudit(trx, actor.id, 'delete', 'customer', [id]);
  });
}

export async function restoreCustomer(db: Knex, actor: Actor, id: number): Promise<Customer> {
  await db.transaction(async (trx) => {
    const current = await lockEditable(trx, actor, id, true);
    await trx('customers').where({ id }).update({ deleted_at: null, deleted_by: null, version: current.version + 1, updated_at: trx.fn.now(), updated_by: actor.id });
    await writeAudit(trx, actor.id, 'restore', 'customer', [id]);
  });
  return (await customersByIds(db, actor, [id]))[0];
}
