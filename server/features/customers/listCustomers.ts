import type { Knex } from 'knex';
import type { CustomerFilter, CustomerListQuery, Customer } from '../../../shared/schemas/customers';
import type { Actor } from '../../access/actor';
import { customerAccess } from '../../access/customerAccess';
import { ListCache } from '../../db/listCache';
import { applyCustomerFilter, normalizeFilter } from './filters';
import { customersByIds } from './repository';
import { atOrAfter, keySelectSql, orderBySql, parseSort, type SortKey } from './sorting';

/** Rows between two anchors; an arbitrary offset costs a keyset seek plus at most this many skipped rows. */
const anchorStep = 1000;
const cache = new ListCache();

type KeyValues = (string | number | null)[];

export function visibleCustomersQuery(db: Knex, actor: Actor, filter: CustomerFilter): Knex.QueryBuilder {
  const query = db('customers as c');
  applyCustomerFilter(query, filter);
  return query.where(customerAccess(db, actor).readable());
}

async function computeAnchors(db: Knex, base: Knex.QueryBuilder, keys: SortKey[]): Promise<KeyValues[]> {
  const numbered = base.select(db.raw(`${keySelectSql(keys)}, row_number() OVER (ORDER BY ${orderBySql(keys)}) AS rn`));
  const rows: Record<string, string | number | null>[] = await db
    .from(numbered.as('t'))
    .whereRaw('(t.rn - 1) % ? = 0', [anchorStep])
    .orderBy('t.rn')
    .select(keys.map((_, index) => `t.k${index}`));
  return rows.map((row) => keys.map((_, index) => row[`k${index}`]));
}

/**
 * A page of the customers the actor may read. Deep offsets (a scrollbar dragged to row 900,000)
 * seek from the nearest cached anchor instead of making Postgres skip 900,000 rows.
 */
export async function listCustomers(db: Knex, actor: Actor, query: CustomerListQuery): Promise<{ rows: Customer[]; total: number }> {
  const { sort, offset = 0, limit = 100, ...rawFilter } = query;
  const filter = normalizeFilter(rawFilter);
  const keys = parseSort(sort);
  const scope = `${actor.id}|${JSON.stringify(filter)}`;
  const version = await cache.version(db);

  const totalPromise = cache.memo(`total|${scope}`, version, async () => {
    const [row] = await visibleCustomersQuery(db, actor, filter).count<{ n: number }[]>('* as n');
    return Number(row.n);
  });

  let pageQuery = visibleCustomersQuery(db, actor, filter);
  let skip = offset;
  if (offset >= anchorStep) {
    const anchors = await cache.memo(`anchors|${scope}|${orderBySql(keys)}`, version,
      () => computeAnchors(db, visibleCustomersQuery(db, actor, filter), keys));
    const index = Math.floor(offset / anchorStep);
    if (index >= anchors.length) return { rows: [], total: await totalPromise };
    pageQuery = pageQuery.where(atOrAfter(db, keys, anchors[index]));
    skip = offset - index * anchorStep;
  }
  const idRows: { id: number }[] = await pageQuery.orderByRaw(orderBySql(keys)).offset(skip).limit(limit).select('c.id');
  const [rows, total] = await Promise.all([customersByIds(db, actor, idRows.map((row) => row.id)), totalPromise]);
  return { rows, total };
}
