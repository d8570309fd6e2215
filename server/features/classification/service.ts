import type { Knex } from 'knex';
import type { Actor } from '../../access/actor';
import { AppError, badRequest, notFound } from '../../errors';
import { columnValues } from '../../db/columnValues';
import { writeAudit } from '../audit/writeAudit';

/** Customer types, groups, care statuses, lost reasons: named lists with a count of what uses them, soft-deleted. */
export type Catalog = {
  table: 'customer_types' | 'customer_groups' | 'care_statuses' | 'lost_reasons';
  entity: string;
  countSql: string;
  /** The API field of `countSql` (default `customerCount`). */
  countField?: string;
  /** Writable API field → column. */
  fields: Record<string, string>;
  /** Read-only API field → SQL over the row `x`. */
  computed?: Record<string, string>;
};

export const customerTypesCatalog: Catalog = {
  table: 'customer_types',
  entity: 'customer_type',
  // customer_keys holds live customers only and is the index of type_id and care_status (migration 0018).
  countSql: '(SELECT count(*)::int FROM customer_keys k WHERE k.type_id = x.id)',
  fields: { name: 'name', description: 'description' },
};

export const customerGroupsCatalog: Catalog = {
  table: 'customer_groups',
  entity: 'customer_group',
  countSql: '(SELECT count(*)::int FROM customer_group_members m JOIN customers c ON c.id = m.customer_id WHERE m.group_id = x.id AND c.deleted_at IS NULL)',
  fields: { name: 'name', points: 'points' },
};

/** What a customer's `care_status` holds for an entry: its fixed key (the two O4 entries), else its name. */
const careStatusValueSql = 'coalesce(x.key, x.name)';

export const careStatusesCatalog: Catalog = {
  table: 'care_statuses',
  entity: 'care_status',
  countSql: `(SELECT count(*)::int FROM customer_keys k WHERE k.care_status = ${careStatusValueSql})`,
  fields: { name: 'name' },
  computed: { value: careStatusValueSql, reserved: 'x.key IS NOT NULL' },
};

function toItem(catalog: Catalog, row: Record<string, unknown>) {
  const item: Record<string, unknown> = { id: row.id, [catalog.countField ?? 'customerCount']: row.customer_count };
  for (const [field, column] of Object.entries(catalog.fields)) item[field] = row[column] ?? (field === 'points' ? 0 : null);
  for (const field of Object.keys(catalog.computed ?? {})) item[field] = row[`computed_${field}`];
  return item;
}

export async function listCatalog(db: Knex, catalog: Catalog, id?: number) {
  const rows = await db(`${catalog.table} as x`).whereNull('x.deleted_at')
    .modify((q) => { if (id !== undefined) q.where('x.id', id); })
    .orderBy(['x.name', 'x.id'])
    .select('x.*', db.raw(`${catalog.countSql} AS customer_count`),
      ...Object.entries(catalog.computed ?? {}).map(([field, sql]) => db.raw(`${sql} AS ??`, [`computed_${field}`])));
  return rows.map((row: Record<string, unknown>) => toItem(catalog, row));
}

export async function createCatalogItem(db: Knex, actor: Actor, catalog: Catalog, body: Record<string, unknown>) {
  const id = await db.transaction(async (trx) => {
    const [row] = await trx(catalog.table).insert(columnValues(catalog.fields, body), ['id']);
    await writeAudit(trx, actor.id, 'create', catalog.entity, [row.id], body);
    return row.id as number;
  });
  return (await listCatalog(db, catalog, id))[0];
}

/** Updates the row; `beforeUpdate` does the domain work (e.g. renaming a care status on its customers) in the same transaction. */
export async function updateCatalogItem(
  db: Knex, actor: Actor, catalog: Catalog, id: number, body: Record<string, unknown>, beforeUpdate?: (trx: Knex) => Promise<void>,
) {
  const values = columnValues(catalog.fields, body);
  if (Object.keys(values).length === 0) throw badRequest('Nothing to change');
  await db.transaction(async (trx) => {
    const found = await trx(catalog.table).where({ id }).whereNull('deleted_at').forUpdate().first('id');
    if (!found) throw notFound('Record');
    await beforeUpdate?.(trx);
    await trx(catalog.table).where({ id }).update(values);
    await writeAudit(trx, actor.id, 'update', catalog.entity, [id], body);
  });
  return (await listCatalog(db, catalog, id))[0];
}

/** Soft-deletes the row; `beforeDelete` does the domain work (e.g. the type's customers) in the same transaction. */
export async function deleteCatalogItem<T>(db: Knex, actor: Actor, catalog: Catalog, id: number, beforeDelete: (trx: Knex) => Promise<T>): Promise<T> {
  return db.transaction(async (trx) => {
    const found = await trx(catalog.table).where({ id }).whereNull('deleted_at').forUpdate().first('id');
    if (!found) throw notFound('Record');
    const result = await beforeDelete(trx);
    await trx(catalog.table).where({ id }).update({ deleted_at: trx.fn.now() });
    await writeAudit(trx, actor.id, 'delete', catalog.entity, [id], { result });
    return result;
  });
}

/**
 * C2: delete a type. "Xóa khách hàng" sends its customers to the recycle bin with it; "Không xóa
 * khách hàng" keeps them with no type. One statement either way, in the delete's transaction.
 */
export function deleteCustomerType(db: Knex, actor: Actor, id: number, customers: 'delete' | 'keep') {
  return deleteCatalogItem(db, actor, customerTypesCatalog, id, async (trx) => {
    // Found through customer_keys (customers.type_id has no index, migration 0018).
    const ofType = trx('customers').whereIn('id', trx('customer_keys').where({ type_id: id }).select('customer_id')).whereNull('deleted_at');
    const bump = { updated_at: trx.fn.now(), version: trx.raw('version + 1'), updated_by: actor.id };
    if (customers === 'delete') {
      const deletedCustomers = await ofType.update({ ...bump, deleted_at: trx.fn.now(), deleted_by: actor.id });
      return { deletedCustomers, clearedCustomers: 0 };
    }
    const clearedCustomers = await ofType.update({ ...bump, type_id: null });
    return { deletedCustomers: 0, clearedCustomers };
  });
}

/** Deleting a group takes it off every customer. */
export function deleteCustomerGroup(db: Knex, actor: Actor, id: number) {
  return deleteCatalogItem(db, actor, customerGroupsCatalog, id, (trx) => trx('customer_group_members').where({ group_id: id }).delete());
}

/** The name customers hold for care status `id`; refuses the two O4 entries, whose keys automatic multi-assign relies on. */
async function unreservedCareStatusName(trx: Knex, id: number): Promise<string> {
  const entry = await trx('care_statuses').where({ id }).first('name', 'key');
  if (entry.key) throw new AppError(409, 'RESERVED_CARE_STATUS', 'Automatic multi-assign relies on this care status; it cannot be changed or deleted');
  return entry.name;
}

const customerBump = (trx: Knex, actor: Actor) => ({ updated_at: trx.fn.now(), version: trx.raw('version + 1'), updated_by: actor.id });

// Deleted customers follow too, so one restored from the recycle bin holds a value of the list.

/** Renaming a care status renames it on its customers too, in one statement. */
export function updateCareStatus(db: Knex, actor: Actor, id: number, body: { name: string }) {
  return updateCatalogItem(db, actor, careStatusesCatalog, id, body, async (trx) => {
    const name = await unreservedCareStatusName(trx, id);
    await trx('customers').where({ care_status: name }).update({ ...customerBump(trx, actor), care_status: body.name.trim() });
  });
}

/** Deleting a care status clears it on its customers. */
export function deleteCareStatus(db: Knex, actor: Actor, id: number) {
  return deleteCatalogItem(db, actor, careStatusesCatalog, id, async (trx) => {
    const name = await unreservedCareStatusName(trx, id);
    return { clearedCustomers: await trx('customers').where({ care_status: name }).update({ ...customerBump(trx, actor), care_status: null }) };
  });
}

/** Whether `value` is a customer care status of the managed list. */
export async function isCareStatus(db: Knex, value: string): Promise<boolean> {
  return Boolean(await db('care_statuses as x').whereNull('x.deleted_at').whereRaw(`${careStatusValueSql} = ?`, [value]).first('x.id'));
}
