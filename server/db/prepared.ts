import { createHash } from 'node:crypto';
import type { Knex } from 'knex';

/**
 * Runs `query` as a named prepared statement (node-pg keeps one per connection), so Postgres
 * parses and plans it once per connection instead of on every call: for the page loaders, whose
 * joins and subqueries took longer to plan (1 ms) than to run. The name is the SQL text's hash,
 * so texts that differ (admins' and staff's access predicates) are separate statements.
 * Only for statements whose text takes a bounded number of forms (values are bound, never inlined),
 * and never for `SELECT *`: a prepared statement whose result columns change (another process
 * migrating the table) fails on every later call on that connection.
 */
export function prepared<T extends Knex.QueryBuilder | Knex.Raw>(query: T): T {
  const { sql } = query.toSQL().toNative();
  const name = `crm_${createHash('sha1').update(sql).digest('base64url').slice(0, 20)}`;
  return query.options({ name }) as T;
}
