import type { Knex } from 'knex';
import type { Actor } from '../../access/actor';
import { badRequest, notFound } from '../../errors';
import { writeAudit } from '../audit/writeAudit';

/** Customer types and groups: named lists with a customer count, soft-deleted. */
type Catalog = {
  table: 'customer_types' | 'customer_groups';
  entity: string;
  countSql: string;
  fields: Record<string, string>;
};

export const customerTypesCatalog: Catalog = {
  table: 'customer_types',
  entity: 'customer_type',
  countSql: '(SELECT count(*)::int FROM customers c WHERE c.type_id = x.id AND c.deleted_at IS NULL)',
  fields: { name: 'name', description: 'description' },
};

export const customerGroupsCatalog: Catalog = {
  table: 'customer_groups',
  entity: 'customer_group',
  countSql: '(SELECT count(*)::int FROM customer_group_members m JOIN customers c ON c.id = m.customer_id WHERE m.group_id = x.id AND c.deleted_at IS NULL)',
  fields: { name: 'name', points: 'points' },
};

function toItem(catalog: Catalog, row: Record<string, unknown>) {
  const item: Record<string, unknown> = { id: row.id, customerCount: row.customer_count };
  for (const [field, column] of Object.entries(catalog.fields)) item[field] = row[column] ?? (field === 'points' ? 0 : null);
  return item;
}

export async function listCatalog(db: Knex, catalog: Catalog, id?: number) {
  const rows = await db(`${catalog.table} as x`).whereNull('x.deleted_at')
    .modify((q) => { if (id !== undefined) q.where('x.id', id); })
    .orderBy(['x.name', 'x.id'])
    .select('x.*', db.raw(`${catalog.countSql} AS customer_count`));
  return rows.map((row: Record<string, unknown>) => toItem(catalog, row));
}

function columnValues(catalog: Catalog, body: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(catalog.fields)) {
    const value = body[field];
    if (value !== undefined) values[column] = typeof value === 'string' ? value.trim() : value;
  }
  return values;
}

export async function createCatalogItem(db: Knex, actor: Actor, catalog: Catalog, body: Record<string, unknown>) {
  const id = await db.transaction(async (trx) => {
    const [row] = await trx(catalog.table).insert(columnValues(catalog, body), ['id']);
    await writeAudit(trx, actor.id, 'create', catalog.entity, [row.id], body);
    return row.id as number;
  });
  return (await listCatalog(db, catalog, id))[0];
}

export async function updateCatalogItem(db: Knex, actor: Actor, catalog: Catalog, id: number, body: Record<string, unknown>) {
  const values = columnValues(catalog, body);
  if (Object.keys(values).length === 0) throw badRequest('Nothing to change');
  await db.transaction(async (trx) => {
    const updated = await trx(catalog.table).where({ id }).whereNull('deleted_at').update(values);
    if (!updated) throw notFound('Record');
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
    const ofType = trx('customers').where({ type_id: id }).whereNull('deleted_at');
    const bump = { updated_at: trx.fn.now(), version: trx.raw('version + 1') };
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
