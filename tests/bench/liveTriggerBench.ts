import type { Knex } from 'knex';
import type pg from 'pg';
import { loadConfig } from '../../server/config';
import { openConfiguredDatabase } from '../../server/db/configuredDatabase';
import { liveChannel } from '../../server/live/liveEvent';
import { summarize } from './stats';

/**
 * What the live-update trigger (migration 0012: `pg_notify` in the statement trigger that bumps
 * `crm_list_version`) costs a bulk statement, on a seeded database (as npm start finds it):
 *   CRM_DATA_DIR=/tmp/livebench npm run seed -- --customers 200000
 *   CRM_DATA_DIR=/tmp/livebench npx tsx tests/bench/liveTriggerBench.ts
 * Times a 100,000-row UPDATE of customers with the trigger function as installed and, in the same
 * rolled-back transaction kind, with its body before 0012 (CREATE OR REPLACE is transactional),
 * alternating. Then commits one such UPDATE (it rewrites rows with their own values) with a
 * LISTEN client counting what arrives: one event for the whole transaction.
 */
const rows = 100_000;
const rounds = 5;
const update = `UPDATE customers SET stars = stars WHERE id IN (SELECT id FROM customers WHERE deleted_at IS NULL ORDER BY id LIMIT ${rows})`;
const withoutNotify = `CREATE OR REPLACE FUNCTION crm_bump_list_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM nextval('crm_list_version'); RETURN NULL; END $$`;

async function timedRollback(db: Knex, notify: boolean): Promise<number> {
  let elapsed = 0;
  await db.transaction(async (trx) => {
    if (!notify) await trx.raw(withoutNotify);
    const started = performance.now();
    await trx.raw(update);
    elapsed = performance.now() - started;
    await trx.rollback();
  }).catch(() => undefined);
  return elapsed;
}

async function main(): Promise<void> {
  const database = await openConfiguredDatabase(loadConfig());
  const db = database.db;
  try {
    const [{ customers }] = (await db.raw<{ rows: { customers: number }[] }>('SELECT count(*)::int AS customers FROM customers')).rows;
    console.log(`${customers.toLocaleString('en')} customers; UPDATE of ${rows.toLocaleString('en')} rows, ${rounds} rounds each, alternating\n`);
    await timedRollback(db, true); // warm-up: the table in cache
    const withTrigger: number[] = [];
    const without: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      withTrigger.push(await timedRollback(db, true));
      without.push(await timedRollback(db, false));
    }
    const print = (name: string, samples: number[]) => {
      const s = summarize(samples);
      console.log(`${name.padEnd(34)} p50 ${String(s.p50).padStart(8)} ms   max ${String(s.max).padStart(8)} ms`);
    };
    print('with pg_notify (as installed)', withTrigger);
    print('without (function before 0012)', without);

    const listener = (await db.client.acquireRawConnection()) as pg.Client;
    let heard = 0;
    listener.on('notification', (message) => { if (message.channel === liveChannel) heard += 1; });
    await listener.query(`LISTEN ${liveChannel}`);
    const started = performance.now();
    await db.transaction(async (trx) => {
      await trx.raw(update);
      await trx.raw(update);
    });
    const committed = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 500));
    console.log(`\ncommitted: two ${rows.toLocaleString('en')}-row UPDATEs in one transaction ${Math.round(committed)} ms; events heard: ${heard}`);
    await listener.end();
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
