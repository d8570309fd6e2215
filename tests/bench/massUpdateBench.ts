import type { Knex } from 'knex';
import { dateRangeFor, filterSql, type DateRange } from './bulkGroupsBench';
import type { HttpClient } from './httpClient';
import type { OwnershipResult } from './ownershipBench';
import { Budget, summarize } from './stats';

const benchTag = 'bench-mass-update';

/** A care status and a type most of the range does not have yet, so most rows change. */
async function targetValues(db: Knex, range: DateRange): Promise<{ careStatus: string; typeId: number }> {
  const { rows: [row] } = await db.raw(`
    SELECT (SELECT coalesce(x.key, x.name) FROM care_statuses x WHERE x.deleted_at IS NULL AND x.key IS NULL
              ORDER BY (SELECT count(*) FROM customers c WHERE c.care_status = x.name AND ${filterSql}), x.id LIMIT 1) AS care_status,
           (SELECT t.id FROM customer_types t WHERE t.deleted_at IS NULL
              ORDER BY (SELECT count(*) FROM customer_keys k WHERE k.type_id = t.id), t.id LIMIT 1) AS type_id`,
  [range.createdFrom, range.createdTo]);
  return { careStatus: row.care_status, typeId: Number(row.type_id) };
}

/**
 * What the mass update changes on the range (care status, type, tags, version, updated_at /
 * updated_by), kept in an unlogged table so it can be put back in one UPDATE after each run.
 */
async function saveRange(db: Knex, range: DateRange): Promise<void> {
  await db.raw('DROP TABLE IF EXISTS bench_mass_update_saved');
  await db.raw(`CREATE UNLOGGED TABLE bench_mass_update_saved AS
    SELECT c.id, c.care_status, c.type_id, c.tags, c.version, c.updated_at, c.updated_by FROM customers c WHERE ${filterSql}`,
  [range.createdFrom, range.createdTo]);
  await db.raw('ALTER TABLE bench_mass_update_saved ADD PRIMARY KEY (id)');
}

async function restoreRange(db: Knex, actorId: number): Promise<void> {
  await db.transaction(async (trx) => {
    await trx.raw(`UPDATE customers c SET care_status = s.care_status, type_id = s.type_id, tags = s.tags, version = s.version,
        updated_at = s.updated_at, updated_by = s.updated_by
      FROM bench_mass_update_saved s WHERE c.id = s.id AND c.version <> s.version`);
    await trx('audit_log').where({ action: 'mass_update', user_id: actorId }).delete();
  });
}

/** The same work by hand: one UPDATE of the range's rows that differ, in a transaction rolled back. */
async function massUpdateBaseline(db: Knex, range: DateRange, values: { careStatus: string; typeId: number }): Promise<number> {
  const trx = await db.transaction();
  try {
    const started = performance.now();
    await trx.raw(`UPDATE customers c SET care_status = ?, type_id = ?, tags = CASE WHEN ? = ANY(c.tags) THEN c.tags ELSE c.tags || ?::text END,
        version = c.version + 1, updated_at = now()
      WHERE ${filterSql} AND (c.care_status IS DISTINCT FROM ? OR c.type_id IS DISTINCT FROM ? OR NOT ? = ANY(c.tags))`,
    [values.careStatus, values.typeId, benchTag, benchTag, range.createdFrom, range.createdTo, values.careStatus, values.typeId, benchTag]);
    return performance.now() - started;
  } finally {
    await trx.rollback();
  }
}

/**
 * POST /api/customers/mass-update of ~`target` customers by filter (care status, type and a tag
 * added) against the same UPDATE by hand. The range is put back as it was after every API run;
 * the baseline rolls back.
 */
export async function benchMassUpdate(db: Knex, admin: HttpClient, target: number, deadline: number): Promise<OwnershipResult> {
  const range = await dateRangeFor(db, target);
  const values = await targetValues(db, range);
  const errors: string[] = [];
  const [api, sql]: number[][] = [[], []];
  await saveRange(db, range);
  try {
    for (const budget = new Budget(3, 300_000, deadline); budget.next();) {
      const done = await admin.request<{ matched: number; updated: number }>('POST', '/api/customers/mass-update', {
        filter: { createdFrom: range.createdFrom, createdTo: range.createdTo }, careStatus: values.careStatus, typeId: values.typeId, addTags: [benchTag],
      });
      if (done.status === 200 && done.body.matched === range.count) api.push(done.ms);
      else errors.push(`mass update ${done.status} ${JSON.stringify(done.body).slice(0, 200)}`);
      await restoreRange(db, admin.userId);
      // The run and its restore leave 200,000 dead row versions; without this the next run finds no free space on the pages.
      await db.raw('VACUUM customers, customer_keys');
    }
    for (const budget = new Budget(3, 300_000, deadline); budget.next();) {
      sql.push(await massUpdateBaseline(db, range, values));
      await db.raw('VACUUM customers, customer_keys');
    }
  } finally {
    await db.raw('DROP TABLE IF EXISTS bench_mass_update_saved');
  }
  const apiSummary = summarize(api);
  const baseline = summarize(sql);
  return {
    name: 'mass update: care status, type, + tag', customers: range.count, api: apiSummary, baseline,
    apiOverBaseline: Math.round((apiSummary.p50 / baseline.p50) * 100) / 100, errors,
  };
}
