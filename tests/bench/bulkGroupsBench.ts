import type { Knex } from 'knex';
import type { HttpClient } from './httpClient';
import { Budget, summarize, type Summary } from './stats';

export type BulkResult = { mode: 'add' | 'move'; target: number; selected: number; api: Summary; baseline: Summary; apiOverBaseline: number; errors: string[] };
export type DateRange = { createdFrom: string; createdTo: string; count: number };

// The same predicate the API builds for {createdFrom, createdTo} (calendar days in Vietnam).
export const filterSql = `c.deleted_at IS NULL
  AND c.created_at >= (?::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'
  AND c.created_at < (?::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`;

/** Consecutive creation days, from the middle of the history on, holding about `target` customers. */
export async function dateRangeFor(db: Knex, target: number): Promise<DateRange> {
  const { rows } = await db.raw<{ rows: { day: string; n: number }[] }>(`
    SELECT to_char((created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 'YYYY-MM-DD') AS day, count(*)::int AS n
      FROM customers WHERE deleted_at IS NULL GROUP BY 1 ORDER BY 1`);
  let start = Math.floor(rows.length / 3);
  let count = 0;
  let end = start;
  for (; end < rows.length && count < target; end++) count += rows[end].n;
  while (count < target && start > 0) count += rows[--start].n;
  return { createdFrom: rows[start].day, createdTo: rows[end - 1].day, count };
}

type Snapshot = { memberCustomers: number[]; memberGroups: number[]; ids: number[]; versions: number[]; updatedAts: string[] };

async function snapshot(db: Knex, range: DateRange): Promise<Snapshot> {
  const members = await db.raw<{ rows: { customer_id: number; group_id: number }[] }>(
    `SELECT m.customer_id, m.group_id FROM customer_group_members m JOIN customers c ON c.id = m.customer_id WHERE ${filterSql}`,
    [range.createdFrom, range.createdTo]);
  const customers = await db.raw<{ rows: { id: number; version: number; updated_at: string }[] }>(
    `SELECT c.id, c.version, c.updated_at::text AS updated_at FROM customers c WHERE ${filterSql}`, [range.createdFrom, range.createdTo]);
  return {
    memberCustomers: members.rows.map((r) => r.customer_id), memberGroups: members.rows.map((r) => r.group_id),
    ids: customers.rows.map((r) => r.id), versions: customers.rows.map((r) => r.version), updatedAts: customers.rows.map((r) => r.updated_at),
  };
}

/** Puts memberships, versions and updated_at back as they were before the API call. */
async function restore(db: Knex, range: DateRange, saved: Snapshot): Promise<void> {
  await db.transaction(async (trx) => {
    await trx.raw(`DELETE FROM customer_group_members m USING customers c WHERE m.customer_id = c.id AND ${filterSql}`, [range.createdFrom, range.createdTo]);
    await trx.raw(`INSERT INTO customer_group_members (customer_id, group_id) SELECT * FROM unnest(?::bigint[], ?::bigint[])`, [saved.memberCustomers, saved.memberGroups]);
    await trx.raw(`UPDATE customers c SET version = v.version, updated_at = v.updated_at
      FROM unnest(?::bigint[], ?::int[], ?::timestamptz[]) AS v(id, version, updated_at) WHERE c.id = v.id`, [saved.ids, saved.versions, saved.updatedAts]);
  });
}

/** The hand-written equivalent: a few statements over the filtered set, in one transaction, rolled back. */
async function baseline(db: Knex, range: DateRange, mode: 'add' | 'move', groupId: number): Promise<number> {
  const params = [range.createdFrom, range.createdTo];
  const trx = await db.transaction();
  try {
    const started = performance.now();
    if (mode === 'move') {
      await trx.raw(`DELETE FROM customer_group_members m USING customers c WHERE m.customer_id = c.id AND m.group_id <> ? AND ${filterSql}`, [groupId, ...params]);
    }
    await trx.raw(`INSERT INTO customer_group_members (customer_id, group_id) SELECT c.id, ? FROM customers c WHERE ${filterSql} ON CONFLICT DO NOTHING`, [groupId, ...params]);
    await trx.raw(`UPDATE customers c SET version = c.version + 1, updated_at = now() WHERE ${filterSql}`, params);
    return performance.now() - started;
  } finally {
    await trx.rollback();
  }
}

/**
 * POST /api/customers/groups ("select all matching" by filter) against the SQL baseline on the
 * same customers; the API's changes are undone after each run so every run sees the same data.
 */
export async function benchBulkGroups(db: Knex, admin: HttpClient, groupId: number, target: number, mode: 'add' | 'move', deadline: number): Promise<BulkResult> {
  const range = await dateRangeFor(db, target);
  const errors: string[] = [];
  const api: number[] = [];
  const sql: number[] = [];
  const repetitions = target >= 100_000 ? 2 : 3;
  for (const budget = new Budget(repetitions, 120_000, deadline); budget.next();) {
    const saved = await snapshot(db, range);
    const response = await admin.request<{ updated: number }>('POST', '/api/customers/groups', {
      filter: { createdFrom: range.createdFrom, createdTo: range.createdTo }, groupIds: [groupId], mode,
    });
    if (response.status === 200 && response.body.updated === range.count) api.push(response.ms);
    else errors.push(`${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
    await restore(db, range, saved);
  }
  for (const budget = new Budget(repetitions, 120_000, deadline); budget.next();) sql.push(await baseline(db, range, mode, groupId));
  const apiSummary = summarize(api);
  const baselineSummary = summarize(sql);
  return {
    mode, target, selected: range.count, api: apiSummary, baseline: baselineSummary,
    apiOverBaseline: Math.round((apiSummary.p50 / baselineSummary.p50) * 100) / 100, errors,
  };
}
