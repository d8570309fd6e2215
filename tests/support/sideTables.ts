import { expect } from 'vitest';
import type { Db } from '../../server/db/database';

/**
 * A side table that indexes customers columns (customer_owners, customer_keys) must hold exactly
 * the rows of `truth` (a SELECT with the table's columns, in its order): nothing missing, nothing extra.
 */
export async function expectSideTableExact(db: Db, table: 'customer_owners' | 'customer_keys' | 'customer_tiers' | 'customer_pool_members' | 'customer_pool_due', truth: string): Promise<void> {
  const { rows: [row] } = await db.raw(`
    WITH truth AS (${truth})
    SELECT (SELECT count(*) FROM truth)::int AS expected,
           (SELECT count(*) FROM ((TABLE truth EXCEPT ALL TABLE ${table}) UNION ALL (TABLE ${table} EXCEPT ALL TABLE truth)) d)::int AS differing`);
  expect(row.expected).toBeGreaterThan(0);
  expect(row.differing).toBe(0);
}

const rolledBack = new Error('rolled back on purpose');

/** Runs `work` in a transaction that is always rolled back. */
export async function inRolledBackTransaction(db: Db, work: (trx: Db) => Promise<void>): Promise<void> {
  await db.transaction(async (trx) => {
    await work(trx as unknown as Db);
    throw rolledBack;
  }).catch((error) => { if (error !== rolledBack) throw error; });
}

/** Row updates of `customers` so far in this transaction, and how many of them were HOT. */
export async function customerUpdates(trx: Db): Promise<{ updated: number; hot: number }> {
  const row = await trx('pg_stat_xact_user_tables').where({ relname: 'customers' }).first('n_tup_upd', 'n_tup_hot_upd');
  return { updated: Number(row.n_tup_upd), hot: Number(row.n_tup_hot_upd) };
}
