import type { Knex } from 'knex';
import type { CustomerFilter, CustomerListQuery, Customer } from '../../../shared/schemas/customers';
import type { Actor } from '../../access/actor';
import { customerAccess } from '../../access/customerAccess';
import { ListCache } from '../../db/listCache';
import { applyCustomerFilter, normalizeFilter } from './filters';
import { countByKeysOnly, filterNameBound } from './keyFilters';
import { customersByIds } from './repository';
import { indexOrdered, isUniform, keySelectSql, orderBySql, pageRange, parseSort, sortSignature, type SortKey } from './sorting';

/**
 * Rows between two anchors. The grid asks for blocks of 100 at multiples of 100, so a block is
 * exactly the rows between two consecutive anchors: an index range scan, at any depth.
 */
const anchorStep = 100;
const totals = new ListCache(500);
// 1,000,000 rows make 10,000 anchors (about 1 MB); keep fewer of those. They are served stale
// and rebuilt in the background, so a long TTL only bounds drift from writes that bumped the
// list version before they committed, without rebuilding every busy list twice a minute.
const anchorSets = new ListCache(64, 300_000);

type KeyValues = (string | number | null)[];

export function visibleCustomersQuery(db: Knex, actor: Actor, filter: CustomerFilter): Knex.QueryBuilder {
  const query = db('customers as c');
  applyCustomerFilter(query, filter);
  return query.where(customerAccess(db, actor).readable());
}

/**
 * Every `anchorStep`th row of the list, numbered in sort order. A list led by a key no index
 * orders (a type / owner / first-group rank, revenue as the actor sees it) is numbered by (key,
 * position in the rest of the order): the rows are walked in an index's order ((name, id)), a
 * rank comes from a join, and only numbers get sorted. Ordering by the key
 * and the name instead took 2–6× longer at 200,000 customers (ICU comparisons, a 300-user
 * array_position per row).
 */
async function computeAnchors(db: Knex, base: Knex.QueryBuilder, keys: SortKey[]): Promise<KeyValues[]> {
  const [first, ...rest] = keys;
  const ranking = first.ranking;
  const numbered = indexOrdered(keys)
    ? base.select(db.raw('?, row_number() OVER (ORDER BY ?) AS rn', [keySelectSql(db, keys), orderBySql(db, keys)]))
    : db.raw(`SELECT ${ranking ? 'r.rank' : 'b.k0'} AS k0, ${rest.map((_, index) => `b.k${index + 1}`).join(', ')},
          row_number() OVER (ORDER BY ${ranking ? 'r.rank' : 'b.k0'} ${first.direction}, b.np) AS rn
        FROM (?) AS b ${ranking ? `LEFT JOIN (${ranking.ranks}) AS r ON r.ref = b.ref` : ''}`,
      [base.select(db.raw(`${ranking ? `${ranking.ref} AS ref` : '? AS k0'}, ?, row_number() OVER (ORDER BY ?) AS np`,
        [...(ranking ? [] : [first.expression]), keySelectSql(db, rest, 1), orderBySql(db, rest)]))]);
  const rows: Record<string, string | number | null>[] = await db
    .from(db.raw('(?) AS t', [numbered]))
    .whereRaw('(t.rn - 1) % ? = 0', [anchorStep])
    .orderBy('t.rn')
    .select(keys.map((_, index) => `t.k${index}`));
  return rows.map((row) => keys.map((_, index) => row[`k${index}`]));
}

/**
 * Planner settings for one page query, where Postgres's estimates mislead it:
 * - `collectThenSort`: a text search. Matches cluster anywhere in name order ("Nguyễn …" sits
 *   mid-alphabet), so walking the name index to find 100 of them read 550,000 rows (2.7 s) where
 *   collecting them with the trigram index and sorting takes 0.3 s (first page) or, ANDed with an
 *   anchor range, under 0.1 s (any later page).
 * - `walkSortIndex`: a page between two anchors of a big list (no text search). The range holds
 *   exactly the page, so walking it is cheap, but row-comparison bounds are estimated poorly and
 *   Postgres may collect and sort every match instead.
 */
type PlanHint = 'collectThenSort' | 'walkSortIndex';
const planSettings: Record<PlanHint, string> = {
  collectThenSort: 'SET LOCAL enable_indexscan = off',
  walkSortIndex: 'SET LOCAL enable_bitmapscan = off',
};
/** From this many matching rows on, an anchor range is dense enough to walk. */
const walkableTotal = 20_000;

async function runWithPlan<T>(db: Knex, query: Knex.QueryBuilder, hint: PlanHint | undefined): Promise<T> {
  if (!hint) return query as unknown as Promise<T>;
  return db.transaction(async (trx) => {
    await trx.raw(planSettings[hint]);
    return query.transacting(trx) as unknown as T;
  });
}

/** A search matching up to this many customers keeps its whole sorted id list (1.6 MB at most). */
const idListLimit = 200_000;
const searchIdLists = new ListCache(32, 300_000);

/**
 * A block of a text search, cut from the search's sorted id list: sorting 100,000 matches once
 * (0.3 s) instead of on every block (0.2 s each) makes every later block a slice.
 */
async function searchPageIds(
  db: Knex, actor: Actor, filter: CustomerFilter, keys: SortKey[], key: string, version: string, offset: number, limit: number, total: number,
): Promise<number[]> {
  const ids = await searchIdLists.memoStale(key, version, async () => {
    const query = visibleCustomersQuery(db, actor, filter).orderByRaw(orderBySql(db, keys)).select('c.id');
    const rows = await runWithPlan<{ id: number }[]>(db, query, 'collectThenSort');
    return Float64Array.from(rows, (row) => row.id);
  }, (stale) => Math.abs(stale.length - total) <= Math.max(10, total / 100));
  const pageIds = Array.from(ids.subarray(offset, offset + limit));
  if (pageIds.length === 0) return [];
  // A list a few writes old may name a customer since deleted, changed or moved away: check again.
  const visible: { id: number }[] = await visibleCustomersQuery(db, actor, filter).whereRaw('c.id = ANY(?::bigint[])', [pageIds]).select('c.id');
  const stillVisible = new Set(visible.map((row) => row.id));
  return pageIds.filter((id) => stillVisible.has(id));
}

/**
 * A page of the customers the actor may read. Deep offsets (a scrollbar dragged to row 900,000)
 * seek from the nearest cached anchor instead of making Postgres skip 900,000 rows.
 */
export async function listCustomers(db: Knex, actor: Actor, query: CustomerListQuery): Promise<{ rows: Customer[]; total: number }> {
  const { sort, offset = 0, limit = 100, ...rawFilter } = query;
  const filter = normalizeFilter(rawFilter);
  const keys = parseSort(db, actor, sort);
  // Admins all see the same rows, so they share totals and anchors.
  const scope = `${actor.role === 'admin' ? 'admin' : actor.id}|${JSON.stringify(filter)}`;
  const version = await totals.version(db);

  const totalPromise = totals.memo(`total|${scope}`, version, async () => {
    const byKeys = customerAccess(db, actor).readsEveryCustomer ? await countByKeysOnly(db, filter) : null;
    if (byKeys !== null) return byKeys;
    const [row] = await visibleCustomersQuery(db, actor, filter).count<{ n: number }[]>('* as n');
    return Number(row.n);
  });

  if (filter.search && (await totalPromise) <= idListLimit) {
    const total = await totalPromise;
    const ids = await searchPageIds(db, actor, filter, keys, `ids|${scope}|${sortSignature(keys)}`, version, offset, limit, total);
    return { rows: await customersByIds(db, actor, ids), total };
  }

  let pageQuery = visibleCustomersQuery(db, actor, filter);
  let skip = offset;
  let hint: PlanHint | undefined = filter.search ? 'collectThenSort' : undefined;
  // Keys no index orders (ranks, masked revenue) would sort the whole list for the first page too.
  if (offset >= anchorStep || !indexOrdered(keys)) {
    // Anchors a few writes old still cut the list into correct, ordered ranges; serving them while
    // fresh ones are computed keeps deep scrolling fast right after someone saves a customer.
    const index = Math.floor(offset / anchorStep);
    const total = await totalPromise;
    const anchors = await anchorSets.memoStale(`anchors|${scope}|${sortSignature(keys)}`, version,
      () => computeAnchors(db, visibleCustomersQuery(db, actor, filter), keys),
      (stale) => index < stale.length && Math.abs(stale.length * anchorStep - total) <= Math.max(10 * anchorStep, total / 100));
    if (index >= anchors.length) return { rows: [], total };
    // Bounding the range above too keeps the scan to one anchor interval even when few rows match.
    const end = Math.floor((offset + limit - 1) / anchorStep) + 1;
    pageQuery = pageQuery.where(pageRange(db, keys, anchors[index], end < anchors.length ? anchors[end] : undefined));
    skip = offset - index * anchorStep;
    // A range split into pieces needs bitmap scans to combine them.
    if (!filter.search && total >= walkableTotal && isUniform(keys)) hint = 'walkSortIndex';
  } else {
    const bound = filterNameBound(db, filter, keys);
    if (bound) pageQuery = pageQuery.where(bound);
  }
  pageQuery = pageQuery.orderByRaw(orderBySql(db, keys)).offset(skip).limit(limit).select('c.id');
  const idRows = await runWithPlan<{ id: number }[]>(db, pageQuery, hint);
  const [rows, total] = await Promise.all([customersByIds(db, actor, idRows.map((row) => row.id)), totalPromise]);
  return { rows, total };
}

/**
 * Builds a user's default list positions (name order, no filter) and total ahead of their first
 * grid load and deep scroll (a manager of 450,000 customers: 2 s once). Called after sign-in,
 * and for the admins when the server starts.
 */
export async function warmCustomerList(db: Knex, actor: Actor): Promise<void> {
  await listCustomers(db, actor, { offset: anchorStep, limit: 1 });
}

export async function warmAdminCustomerList(db: Knex): Promise<void> {
  const admin = await db('users').where({ role: 'admin', active: true }).first('id', 'username', 'full_name');
  if (!admin) return;
  await warmCustomerList(db, { id: admin.id, username: admin.username, fullName: admin.full_name, role: 'admin', departmentId: null, departmentPath: null });
}
