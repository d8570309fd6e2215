import type { Knex } from 'knex';
import type { Actor } from '../access/actor';
import { ListCache, type VersionPart } from '../db/listCache';
import { lastPageRange, pageRange } from './pageRange';
import { sharedAnchors, storedAnchors, type AnchorSet } from './sharedAnchors';
import { indexOrdered, isUniform, keySelectSql, orderBySql, parseSort, reversedKeys, reversedOrderBySql, sortSignature, type SortKey, type SortModel } from './sortKeys';

/**
 * One list the grids page through: customers, activities and the other history records,
 * opportunities (the pool is the customer list with its filter). The engine owns paging (offset
 * anchors, text-search id lists, totals); a source says what its rows are.
 */
export type ListSource<F, R> = {
  /** Cache namespace. */
  name: string;
  /**
   * Sequences (or counters) whose values version this list's cached totals and anchors; a
   * function when some filters, sorts or actors follow other ones (customers: migration 0029).
   * Called with no keys for the total.
   */
  versionedBy: readonly VersionPart[] | ((db: Knex, actor: Actor, filter: F, keys: SortKey[]) => readonly VersionPart[]);
  /** The unique row id in `rows`' SQL (`c.id`, `r.id`). */
  idColumn: string;
  /** The rows the actor may see that match the filter (access rules in SQL, from server/access/). */
  rows: (db: Knex, actor: Actor, filter: F) => Knex.QueryBuilder;
  sortModel: (db: Knex, actor: Actor) => SortModel;
  /** The filter holds a text search: matches are collected by trigram index rather than found by walking the sort order. */
  hasTextSearch: (filter: F) => boolean;
  /** The page's rows, in the order of `ids` (ids no longer visible left out). */
  load: (db: Knex, actor: Actor, ids: number[]) => Promise<R[]>;
  /** Everyone of one scope sees the same rows, so they share totals and anchors; default: admins share one, everyone else their own. */
  scope?: (actor: Actor) => string;
  /** A cheaper exact count for some filters (side tables), or null. */
  countShortcut?: (db: Knex, actor: Actor, filter: F) => Promise<number | null>;
  /**
   * Whether this actor's rows are best found by walking the sort index (default yes); no when
   * index arms collect them (one owner's few thousand records): every page is then collected and sorted.
   */
  walksSortIndex?: (db: Knex, actor: Actor) => boolean;
  /**
   * A new search's total before it is counted: the list's total without the search (`without`;
   * counted, when known) times the share of the table's rows its words match in a sample
   * (`share`). The planner's own estimate multiplies the words' odds as if they were independent
   * ("goi lai khach": 26,686 for 400,494 activities, "nguyen van" 44,697 for 35,112) and
   * misjudges a manager's share of the rows (25,591 for 239,658 customers).
   */
  searchEstimate?: { without: (filter: F) => F; share: (db: Knex, filter: F) => Promise<number | null> };
  /** A bound that lets a first page's index walk start where the filter's rows start, or null. */
  firstPageBound?: (db: Knex, filter: F, keys: SortKey[]) => Knex.Raw | null;
};

/** `query` narrowed to `ids`, in their order: a source's page loader. */
export function inIdOrder(query: Knex.QueryBuilder, idColumn: string, ids: number[]): Knex.QueryBuilder {
  return query.whereRaw(`${idColumn} = ANY(?::bigint[])`, [ids]).orderByRaw(`array_position(?::bigint[], ${idColumn})`, [ids]);
}

const perUser = (actor: Actor) => (actor.role === 'admin' ? 'admin' : String(actor.id));

export type PageRequest = { sort?: string; offset?: number; limit?: number };

/**
 * Rows between two anchors. The grid asks for blocks of 100 at multiples of 100, so a block is
 * exactly the rows between two consecutive anchors: an index range scan, at any depth.
 */
const anchorStep = 100;
const totals = new ListCache({ maxEntries: 5000 });
// 1,000,000 rows make 10,000 anchors of a few values each (about 1 MB): bounded by the values
// held (2M, about 100 MB at most). They are served stale and rebuilt in the background, so a
// long TTL only bounds drift from writes that bumped the list version before they committed,
// without rebuilding every busy list twice a minute.
const anchorSets = new ListCache({ maxEntries: 2000, ttlMs: 300_000, maxWeight: 2_000_000,
  weigh: (set) => (set as AnchorSet).anchors.reduce((sum, anchor) => sum + anchor.length, 0) });
/**
 * Timing thresholds (tests lower them to take the slow paths on small data).
 * - `anchorWaitMs`: how long a page waits for its list's anchors (0.25–1 s for 1M customers)
 *   before it is served by a plain OFFSET instead while they are built (5M activities: 10–30 s).
 * - `costlyCountMs`: a total (or a collected id list) that took this long to compute (5M
 *   activities: 2 s) is served a few writes old while it is recomputed in the background;
 *   cheaper ones are recomputed before answering.
 * - `estimateAfterMs`: how long after its walk began a search's first page waits for the count
 *   before it is answered with the planner's estimate (the count goes on; the next request has it).
 */
export const listEngineTimings = { anchorWaitMs: 400, costlyCountMs: 250, estimateAfterMs: 50 };
/** Offsets below this are served by a plain OFFSET while anchors are missing (skipping 5,000 index entries: a few ms). */
const cheapOffset = 5000;
/** A search matching up to this many rows keeps its whole sorted id list (1.6 MB at most). */
const idListLimit = 200_000;
// Bounded by the ids held: 8M ids are 64 MB.
const searchIdLists = new ListCache({ maxEntries: 2000, ttlMs: 300_000, maxWeight: 8_000_000, weigh: (list) => (list as IdList).ids.length });

/**
 * Every `anchorStep`th row of the list, numbered in sort order, and the last row's keys (which
 * end the last block's range). A list led by a key no index orders (a type / owner / first-group
 * rank, revenue as the actor sees it) is numbered by (key, position in the rest of the order): the
 * rows are walked in an index's order, a rank comes from a join, and only numbers get sorted.
 * Ordering by the key and the name instead took 2–6× longer at 200,000 customers (ICU
 * comparisons, a 300-user array_position per row).
 */
async function computeAnchors(db: Knex, base: Knex.QueryBuilder, keys: SortKey[]): Promise<AnchorSet> {
  const [first, ...rest] = keys;
  const ranking = first.ranking;
  // lead() over the same window as row_number() (Postgres computes identical windows in one pass):
  // the row without a next one is the last.
  const outerOrder = `ORDER BY ${ranking ? 'r.rank' : 'b.k0'} ${first.direction}, b.np`;
  const numbered = indexOrdered(keys)
    ? base.select(db.raw('?, row_number() OVER (ORDER BY ?) AS rn, lead(1) OVER (ORDER BY ?) IS NULL AS is_last', [keySelectSql(db, keys), orderBySql(db, keys), orderBySql(db, keys)]))
    : db.raw(`SELECT ${ranking ? 'r.rank' : 'b.k0'} AS k0, ${rest.map((_, index) => `b.k${index + 1}`).join(', ')},
          row_number() OVER (${outerOrder}) AS rn, lead(1) OVER (${outerOrder}) IS NULL AS is_last
        FROM (?) AS b ${ranking ? `LEFT JOIN (${ranking.ranks}) AS r ON r.ref = b.ref` : ''}`,
      [base.select(db.raw(`${ranking ? `${ranking.ref} AS ref` : '? AS k0'}, ?, row_number() OVER (ORDER BY ?) AS np`,
        [...(ranking ? [] : [first.expression]), keySelectSql(db, rest, 1), orderBySql(db, rest)]))]);
  const rows: (Record<string, string | number | null> & { rn: number | string; is_last: boolean })[] = await db
    .from(db.raw('(?) AS t', [numbered]))
    .whereRaw('((t.rn - 1) % ? = 0 OR t.is_last)', [anchorStep])
    .orderBy('t.rn')
    .select([...keys.map((_, index) => `t.k${index}`), 't.rn', 't.is_last']);
  const keysOf = (row: Record<string, string | number | null>) => keys.map((_, index) => row[`k${index}`]);
  const lastRow = rows.find((row) => row.is_last);
  return { anchors: rows.filter((row) => (Number(row.rn) - 1) % anchorStep === 0).map(keysOf), last: lastRow ? keysOf(lastRow) : null };
}

/**
 * Planner settings for one page query, where Postgres's estimates mislead it:
 * - `collectThenSort`: a text search. Matches cluster anywhere in the sort order ("Nguyễn …" sits
 *   mid-alphabet), so walking the sort index to find 100 of them read 550,000 rows (2.7 s) where
 *   collecting them with the trigram index and sorting takes 0.3 s (first page) or, ANDed with an
 *   anchor range, under 0.1 s (any later page).
 * - `walkSortIndex`: a page between two anchors of a big list (no text search). The range holds
 *   exactly the page, so walking it is cheap, but row-comparison bounds are estimated poorly and
 *   Postgres may collect and sort every match instead.
 * - `collectFew`: one owner's records, collected through the access rule's index arms (a few
 *   thousand), each joined by index: Postgres hashed all 1M customers to join a staff member's
 *   22,405 activities (a search's count 0.7 s, 0.15 s by index).
 * - `oneWorker`: no parallel workers, for a search's count that runs beside its first page (a
 *   collect does not use them either: a new search is collected beside its first page's walk).
 * - `walkBriefly`: a search's first page along the sort index, given up after 300 ms (sparse matches).
 */
type PlanHint = 'collectThenSort' | 'walkSortIndex' | 'collectFew' | 'oneWorker' | 'walkBriefly';
const planSettings: Record<PlanHint, [setting: string, value: string][]> = {
  collectThenSort: [['enable_indexscan', 'off'], ['max_parallel_workers_per_gather', '0']],
  walkSortIndex: [['enable_bitmapscan', 'off']],
  collectFew: [['enable_indexscan', 'off'], ['enable_hashjoin', 'off']],
  oneWorker: [['max_parallel_workers_per_gather', '0']],
  walkBriefly: [['enable_bitmapscan', 'off'], ['statement_timeout', '300']],
};
/** From this many matching rows on, an anchor range is dense enough to walk. */
const walkableTotal = 20_000;

/**
 * Runs a read under a plan hint: in its own transaction, or inside the caller's one with the
 * setting put back afterwards (SET LOCAL lasts to the end of the transaction).
 */
async function runWithPlan<T>(db: Knex, query: Knex.QueryBuilder, hint: PlanHint | undefined): Promise<T> {
  if (!hint) return query as unknown as Promise<T>;
  const settings = planSettings[hint];
  const apply = async (connection: Knex) => { for (const [setting, value] of settings) await connection.raw(`SET LOCAL ${setting} = ${value}`); };
  if (db.isTransaction) {
    await apply(db);
    try {
      return (await query) as T;
    } finally {
      for (const [setting] of settings) await db.raw(`SET LOCAL ${setting} TO DEFAULT`);
    }
  }
  return db.transaction(async (trx) => {
    await apply(trx);
    return query.transacting(trx) as unknown as T;
  });
}

/** `walks`: the actor's rows are found along the sort index (source's walksSortIndex), else collected. */
/** `turned`: the reverse of the order asked for, whose blocks are turned round (see pageIds). */
type Context<F, R> = { db: Knex; actor: Actor; source: ListSource<F, R>; filter: F; keys: SortKey[]; scope: string; version: string; walks: boolean; waitForAnchors?: boolean; turned?: true };

/** The value of `promise`, or null when it takes longer than `ms` (it goes on in the background). */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => { timer = setTimeout(() => resolve(null), ms); });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A collected list's ids in sort order, and the list version they were collected at. */
type IdList = { ids: Float64Array; version: string };
const idsKey = <F, R>({ source, scope, keys }: Context<F, R>) => `${source.name}|ids|${scope}|${sortSignature(keys)}`;

/**
 * A collected list (a text search, one owner's records) as its sorted ids: sorting 100,000
 * matches once (0.3 s) instead of on every block (0.2 s each) makes every later block a slice. A
 * staff member's 22,000 of 5M activities: 0.2 s once, then a slice per block. Collected up to one
 * more than the limit, so that a list grown past it is seen to be.
 */
function collectedIds<F, R>(context: Context<F, R>): Promise<IdList> {
  const { db, actor, source, filter, keys, version, walks } = context;
  return searchIdLists.memoStale(idsKey(context), version, async () => {
    const query = source.rows(db, actor, filter).orderByRaw(orderBySql(db, keys)).limit(idListLimit + 1).select(`${source.idColumn} as id`);
    // A text search's matches, or one owner's few records through the access rule's index arms.
    const rows = await runWithPlan<{ id: number }[]>(db, query, walks ? 'collectThenSort' : 'collectFew');
    return { ids: Float64Array.from(rows, (row) => row.id), version };
  // Served a few writes old only when costly to rebuild (a big search): one owner's list is rebuilt
  // before answering, so a record they just created is on their next page.
  }, (_stale, costMs) => costMs >= listEngineTimings.costlyCountMs);
}

/** A block of a collected list, cut from its id list. */
async function collectedPageIds<F, R>(context: Context<F, R>, list: IdList, offset: number, limit: number): Promise<number[]> {
  const { db, actor, source, filter, version } = context;
  const pageIds = Array.from(list.ids.subarray(offset, offset + limit));
  // Collected at this version, it names what the filter matches now (the loader applies the access
  // rules in any case): one statement less per page (1.6 ms of a staff page's 5 under load).
  if (pageIds.length === 0 || list.version === version) return pageIds;
  // A list a few writes old may name a row since deleted, changed or moved away: check again.
  const visible: { id: number }[] = await source.rows(db, actor, filter).whereRaw(`${source.idColumn} = ANY(?::bigint[])`, [pageIds]).select(`${source.idColumn} as id`);
  const stillVisible = new Set(visible.map((row) => Number(row.id)));
  return pageIds.filter((id) => stillVisible.has(id));
}

const anchorsKeyOf = <F, R>({ source, scope, keys }: Context<F, R>) => `${source.name}|anchors|${scope}|${sortSignature(keys)}`;

/**
 * Anchors a few writes old still cut the list into correct, ordered ranges: usable while fresh
 * ones are computed when they reach the block at `index` and the list has about as many rows.
 */
const usableAnchors = (total: number, index: number) => (stale: AnchorSet) =>
  index < stale.anchors.length && Math.abs(stale.anchors.length * anchorStep - total) <= Math.max(10 * anchorStep, total / 100);

/**
 * Whether this process holds (or is building) anchors for `key`, or adopts the ones another
 * process (or this one before a restart) stored, if usable: on a busy database the version moves
 * on within seconds, so anchors shared only at the same version were seldom of use.
 */
async function holdsAnchors(db: Knex, key: string, version: string, usable: (stale: AnchorSet) => boolean): Promise<boolean> {
  if (anchorSets.holds(key)) return true;
  const stored = await storedAnchors(db, key);
  if (!stored || !(stored.version === version || usable(stored.anchors))) return false;
  anchorSets.adopt(key, stored.version, stored.anchors);
  return true;
}

/**
 * A block by plain OFFSET while anchors are built, skipped to from whichever end of the list is
 * nearer (the exact reverse order, turned round): the last blocks of 5M activities skipped 4.9M
 * rows from the top.
 */
async function offsetPageIds<F, R>(context: Context<F, R>, offset: number, limit: number, total: number, hint: PlanHint | undefined): Promise<number[]> {
  const { db, actor, source, filter, keys } = context;
  const fromEnd = Math.max(0, total - offset - limit);
  const turned = fromEnd < offset;
  const query = source.rows(db, actor, filter).orderByRaw(turned ? reversedOrderBySql(db, keys) : orderBySql(db, keys))
    .offset(turned ? fromEnd : offset).limit(turned ? Math.max(0, Math.min(limit, total - offset)) : limit).select(`${source.idColumn} as id`);
  const ids = (await runWithPlan<{ id: number }[]>(db, query, hint)).map((row) => Number(row.id));
  return turned ? ids.reverse() : ids;
}

/** The ids of one block: from the nearest cached anchor instead of making Postgres skip 900,000 rows. */
async function pageIds<F, R>(context: Context<F, R>, offset: number, limit: number, totalPromise: Promise<number>): Promise<number[]> {
  const { db, actor, source, filter, keys, version, walks } = context;
  let pageQuery = source.rows(db, actor, filter);
  let skip = offset;
  // A list whose rows index arms collect (one owner's records) is collected for every page too:
  // walking the sort index instead tested 18,000 rows against the arms for a first page (1.1 s vs 0.18 s).
  // A text search comes here only when dense (more matches than an id list holds): walking the
  // sort index meets a page of them within a few hundred rows, where collecting 530,000 matches
  // of "cong ty" to sort them took 0.5 s a page at 1M customers.
  let hint: PlanHint | undefined = walks ? undefined : 'collectFew';
  // Keys no index orders (ranks, masked revenue) would sort the whole list for the first page too.
  if (offset >= anchorStep || !indexOrdered(keys)) {
    const index = Math.floor(offset / anchorStep);
    const total = await totalPromise;
    const anchorsKey = anchorsKeyOf(context);
    const usable = usableAnchors(total, index);
    const held = Boolean(context.turned) || (await holdsAnchors(db, anchorsKey, version, usable));
    // Warming ahead with anchors at hand: stale ones are rebuilt when first used, so that a
    // restart does not rebuild every warmed list at once.
    if (held && context.waitForAnchors && !context.turned) return [];
    if (!held) {
      // None for this order, but its reverse's (date ascending for date descending): a block of
      // the reverse order, turned round, instead of numbering 5M activities again.
      const reversed = reversedKeys(keys);
      const turned: Context<F, R> | null = reversed && { ...context, keys: reversed, turned: true };
      const fromEnd = Math.max(0, total - offset - limit);
      if (turned && (await holdsAnchors(db, anchorsKeyOf(turned), version, usableAnchors(total, Math.floor(fromEnd / anchorStep))))) {
        return (await pageIds(turned, fromEnd, Math.max(0, Math.min(limit, total - offset)), totalPromise)).reverse();
      }
    }
    const anchorsPromise = anchorSets.memoStale(anchorsKey, version,
      () => sharedAnchors(db, anchorsKey, version, () => computeAnchors(db, source.rows(db, actor, filter), keys)), usable);
    anchorsPromise.catch(() => undefined);
    // Near either end a plain OFFSET is cheap: serve it at once rather than wait for anchors being built.
    const wait = Math.min(offset, total - offset - limit) < cheapOffset ? 0 : listEngineTimings.anchorWaitMs;
    const anchorSet = context.waitForAnchors ? await anchorsPromise : await within(anchorsPromise, wait);
    if (!anchorSet) return offsetPageIds(context, offset, limit, total, hint);
    const { anchors, last } = anchorSet;
    if (index >= anchors.length) return [];
    // Bounding the range above too keeps the scan to one anchor interval even when few rows match;
    // the last block ends at the list's last row.
    const end = Math.floor((offset + limit - 1) / anchorStep) + 1;
    pageQuery = pageQuery.where(end >= anchors.length && last && isUniform(keys) ? lastPageRange(db, keys, anchors[index], last)
      : pageRange(db, keys, anchors[index], end < anchors.length ? anchors[end] : undefined));
    skip = offset - index * anchorStep;
    // A range split into pieces needs bitmap scans to combine them.
    if (walks && total >= walkableTotal && isUniform(keys)) hint = 'walkSortIndex';
  } else {
    const bound = source.firstPageBound?.(db, filter, keys);
    if (bound) pageQuery = pageQuery.where(bound);
  }
  pageQuery = pageQuery.orderByRaw(orderBySql(db, keys)).offset(skip).limit(limit).select(`${source.idColumn} as id`);
  const rows = await runWithPlan<{ id: number }[]>(db, pageQuery, hint);
  return rows.map((row) => Number(row.id));
}

/** The planner's estimate of how many rows a query returns (a millisecond: no row is read). */
async function estimatedRows(db: Knex, query: Knex.QueryBuilder): Promise<number> {
  const { sql, bindings } = query.toSQL();
  const result = await db.raw(`EXPLAIN (FORMAT JSON) ${sql}`, bindings);
  return Math.round(Number(result.rows[0]['QUERY PLAN'][0].Plan['Plan Rows']));
}

/**
 * The first page of a search being counted, found by walking the sort index beside the count,
 * with a total that is exact when the page ends the list, else the planner's estimate (marked as
 * one). Null when the count comes first (few matches: the ordinary path collects them) or the walk
 * gives up (matches too sparse for it to meet a page soon).
 */
async function firstPageWhileCounting<F, R>(context: Context<F, R>, offset: number, limit: number, load: (ids: number[]) => Promise<R[]>, totalPromise: Promise<number>): Promise<ListPage<R> | null> {
  const { db, actor, source, filter, keys } = context;
  const query = source.rows(db, actor, filter).orderByRaw(orderBySql(db, keys)).offset(offset).limit(limit).select(`${source.idColumn} as id`);
  const walk = runWithPlan<{ id: number }[]>(db, query, 'walkBriefly');
  walk.catch(() => undefined);
  const started = performance.now();
  const first = await Promise.race([walk.then((found) => ({ found }), () => null), totalPromise.then(() => null, () => null)]);
  if (!first) return null;
  const ids = first.found.map((row) => Number(row.id));
  const waitMs = Math.max(0, listEngineTimings.estimateAfterMs - (performance.now() - started));
  const [rows, total] = await Promise.all([load(ids), within(totalPromise, waitMs)]);
  if (total !== null) return { rows, total };
  if (ids.length < limit) return { rows, total: offset + ids.length };
  return { rows, total: Math.max(await estimatedTotal(context), offset + limit + 1), totalEstimated: true };
}

/** A search's total before it is counted (see ListSource.searchEstimate), else the planner's estimate. */
async function estimatedTotal<F, R>({ db, actor, source, filter }: Context<F, R>): Promise<number> {
  const estimate = (each: F) => estimatedRows(db, source.rows(db, actor, each).select(source.idColumn));
  const share = await source.searchEstimate?.share(db, filter);
  if (!source.searchEstimate || share === null || share === undefined) return estimate(filter);
  const without = source.searchEstimate.without(filter);
  return Math.round((totals.peek<number>(totalKey(source, actor, without)) ?? (await estimate(without))) * share);
}

const totalKey = <F, R>(source: ListSource<F, R>, actor: Actor, filter: F) => `${source.name}|total|${scopeOf(source, actor, filter)}`;
const scopeOf = <F, R>(source: ListSource<F, R>, actor: Actor, filter: F) => `${(source.scope ?? perUser)(actor)}|${JSON.stringify(filter)}`;

/** A page of rows and the list's total; `totalEstimated` while a new search is still being counted. */
export type ListPage<R> = { rows: R[]; total: number; totalEstimated?: true };

/**
 * A page of a list: `limit` rows from `offset` in the order of `sort`, and the total. Totals,
 * anchors and search id lists are cached per (list, scope, filter, sort) and valid for the list's
 * version, so a write to one table leaves the other lists' caches alone.
 */
export async function listPage<F, R>(db: Knex, actor: Actor, source: ListSource<F, R>, filter: F, request: PageRequest & { waitForAnchors?: boolean }): Promise<ListPage<R>> {
  const { offset = 0, limit = 100, waitForAnchors } = request;
  const keys = parseSort(db, source.sortModel(db, actor), request.sort);
  const scope = scopeOf(source, actor, filter);
  // A count follows the filter's sequences, a page also its order's (sorting by updatedAt follows
  // customer detail edits): one total however the grid is sorted.
  const sequencesOf = (orderKeys: SortKey[]) => (typeof source.versionedBy === 'function' ? source.versionedBy(db, actor, filter, orderKeys) : source.versionedBy);
  const [version, countVersion] = await totals.versions(db, [sequencesOf(keys), sequencesOf([])]);
  const walks = source.walksSortIndex?.(db, actor) ?? true;
  const context: Context<F, R> = { db, actor, source, filter, keys, scope, version, walks, waitForAnchors };

  const load = async (ids: number[]) => (ids.length ? source.load(db, actor, ids) : []);
  const collected = source.hasTextSearch(filter) || !walks;
  // A list collected within the limit before is collected again at a new version and counted from
  // its ids: one query where a count and a collect took two (18 ms each for a staff search).
  if (collected && (searchIdLists.peek<IdList>(idsKey(context))?.ids.length ?? Infinity) <= idListLimit) {
    const list = await collectedIds(context);
    if (list.ids.length <= idListLimit) return { rows: await load(await collectedPageIds(context, list, offset, limit)), total: list.ids.length };
  }

  const neverCounted = totals.peek(totalKey(source, actor, filter)) === undefined;
  const totalPromise = totals.memoStale(totalKey(source, actor, filter), countVersion, async () => {
    const shortcut = await source.countShortcut?.(db, actor, filter);
    if (shortcut !== undefined && shortcut !== null) return shortcut;
    // A new search expected to fit an id list is collected at once and counted from its ids: one
    // pass over its matches where a count and then a collect took two ("nguyen": 0.84 s → 0.49 s).
    if (source.hasTextSearch(filter) && walks && neverCounted && (await estimatedTotal(context)) <= idListLimit) {
      const list = await collectedIds(context);
      if (list.ids.length <= idListLimit) return list.ids.length;
    }
    // A search's count over many rows may outlast its first page: counted on one core, so that the
    // page (walking the sort index) is not starved by parallel workers (0.6 s instead of 0.08 s).
    const hint = walks ? (source.hasTextSearch(filter) ? 'oneWorker' : undefined) : 'collectFew';
    const [row] = await runWithPlan<{ n: number }[]>(db, source.rows(db, actor, filter).count('* as n'), hint);
    return Number(row.n);
  }, (_stale, costMs) => costMs >= listEngineTimings.costlyCountMs);

  // A new search matching many rows takes seconds to count (190,000 of 5M activities: 1–2 s) but
  // meets a page of matches within a few thousand rows of the sort index: its first page need not
  // wait. Its id list, when it fits, is collected as soon as the count says so. (Counted before, a
  // costly total is served a few writes old instead.)
  if (collected && walks && neverCounted && offset < anchorStep && indexOrdered(keys) && !db.isTransaction) {
    totalPromise.then((total) => (total <= idListLimit ? collectedIds(context) : undefined)).catch(() => undefined);
    const page = await firstPageWhileCounting(context, offset, limit, load, totalPromise);
    if (page) return page;
  }

  const ids = collected && (await totalPromise) <= idListLimit
    ? await collectedPageIds(context, await collectedIds(context), offset, limit)
    : await pageIds(context, offset, limit, totalPromise);
  const [rows, total] = await Promise.all([load(ids), totalPromise]);
  return { rows, total };
}

/** Builds a list's anchors (default order unless `sort`) and total ahead of a user's first deep scroll (after sign-in, at start for admins). */
export async function warmList<F, R>(db: Knex, actor: Actor, source: ListSource<F, R>, filter: F, sort?: string): Promise<void> {
  await listPage(db, actor, source, filter, { sort, offset: anchorStep, limit: 1, waitForAnchors: true });
}
