import type { Knex } from 'knex';
import { Budget, summarize, type Summary } from './stats';

export type SqlBaseline = { name: string; sql: string; result: Summary };

/**
 * The page queries written by hand, straight to Postgres (no HTTP, no access rules): what the
 * API's anchored paging is measured against (DESIGN rule 5).
 */
export async function runSqlBaselines(db: Knex, random: () => number, deadline: number): Promise<SqlBaseline[]> {
  const results: SqlBaseline[] = [];
  const time = async (name: string, sql: string, count: number, params: () => Promise<unknown[]> | unknown[]) => {
    const samples: number[] = [];
    for (const budget = new Budget(count, 30_000, deadline); budget.next();) {
      const values = await params();
      const started = performance.now();
      await db.raw(sql, values as Knex.RawBinding[]);
      samples.push(performance.now() - started);
    }
    results.push({ name, sql, result: summarize(samples) });
  };
  const [{ max }] = (await db.raw<{ rows: { max: number }[] }>('SELECT max(id)::int AS max FROM customers')).rows;
  const randomRow = async () => {
    const { rows } = await db.raw<{ rows: { name: string; id: number }[] }>(
      'SELECT name, id FROM customers WHERE id >= ? AND deleted_at IS NULL ORDER BY id LIMIT 1', [1 + Math.floor(random() * max)]);
    return [rows[0].name, rows[0].id];
  };
  await time('keyset page after a random row', `SELECT c.* FROM customers c WHERE c.deleted_at IS NULL AND (c.name, c.id) > (?, ?) ORDER BY c.name, c.id LIMIT 100`, 30, randomRow);
  await time('OFFSET 900000 LIMIT 100', `SELECT c.* FROM customers c WHERE c.deleted_at IS NULL ORDER BY c.name, c.id OFFSET 900000 LIMIT 100`, 5, () => []);
  await time('count(*) of all customers', `SELECT count(*) FROM customers c WHERE c.deleted_at IS NULL`, 5, () => []);
  return results;
}
