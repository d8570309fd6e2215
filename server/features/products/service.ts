import type { Knex } from 'knex';
import { columnValues } from '../../db/columnValues';
import type { CreateProductBody, Product } from '../../../shared/schemas/products';
import type { Actor } from '../../access/actor';
import { containsUnaccented } from '../../db/likePattern';
import { notFound } from '../../errors';
import { inIdOrder, type ListSource } from '../../list/listEngine';
import { writeAudit } from '../audit/writeAudit';

type ProductRow = { id: number; code: string; name: string; unit: string | null; price: number };
const toProduct = (row: ProductRow): Product => ({ id: row.id, code: row.code, name: row.name, unit: row.unit, price: row.price });
const columns = ['id', 'code', 'name', 'unit', 'price'];

/** The catalogue (list engine): every live product, by code; `search` matches code or name, accents ignored. */
export const productList: ListSource<{ search?: string }, Product> = {
  name: 'products',
  versionedBy: ['crm_list_version_products'],
  idColumn: 'p.id',
  rows: (db, _actor, filter) => db('products as p').whereNull('p.deleted_at').modify((q) => {
    const search = filter.search?.trim();
    if (search) containsUnaccented(q, `crm_search_text(p.code || ' ' || p.name)`, search);
  }),
  sortModel: () => ({
    columns: { code: { expression: 'p.code', cast: 'text', nullable: false, unique: true } },
    defaultSort: 'code:asc',
    id: { expression: 'p.id', cast: 'bigint', nullable: false },
  }),
  hasTextSearch: (filter) => Boolean(filter.search?.trim()),
  load: async (db, _actor, ids) => {
    const rows: ProductRow[] = await inIdOrder(db('products as p'), 'p.id', ids).select(columns);
    return rows.map(toProduct);
  },
  // Everyone reads the whole catalogue.
  scope: () => 'everyone',
};

export async function findProduct(db: Knex, id: number): Promise<Product | undefined> {
  const row: ProductRow | undefined = await db('products').where({ id }).whereNull('deleted_at').first(columns);
  return row ? toProduct(row) : undefined;
}

const productColumns = { code: 'code', name: 'name', unit: 'unit', price: 'price' } as const;

export async function createProduct(db: Knex, actor: Actor, body: CreateProductBody): Promise<Product> {
  const id = await db.transaction(async (trx) => {
    const [row] = await trx('products').insert(columnValues(productColumns, body), ['id']);
    await writeAudit(trx, actor.id, 'create', 'product', [row.id], { code: body.code });
    return row.id as number;
  });
  return (await findProduct(db, id))!;
}

export async function updateProduct(db: Knex, actor: Actor, id: number, body: Partial<CreateProductBody>): Promise<Product> {
  await db.transaction(async (trx) => {
    const updated = await trx('products').where({ id }).whereNull('deleted_at').update({ ...columnValues(productColumns, body), updated_at: trx.fn.now() });
    if (!updated) throw notFound('Product');
    await writeAudit(trx, actor.id, 'update', 'product', [id], body);
  });
  return (await findProduct(db, id))!;
}

/** Soft delete: lines of old quotes and orders still name the product. */
export async function deleteProduct(db: Knex, actor: Actor, id: number): Promise<void> {
  await db.transaction(async (trx) => {
    const updated = await trx('products').where({ id }).whereNull('deleted_at').update({ deleted_at: trx.fn.now() });
    if (!updated) throw notFound('Product');
    await writeAudit(trx, actor.id, 'delete', 'product', [id]);
  });
}
