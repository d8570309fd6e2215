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
 * Runs a 100,000-row UPDATE of customers under EXPLAIN ANALYZE (Postgres times the statement
 * trigger itself) with the trigger function as installed and with its body before 0012 (CREATE OR
 * REPLACE is transactional: each run is rolled back), alternating. Then commits two such UPDATEs
 * (they rewrite rows with their own values) in one transaction with a LISTEN client counting what
 * arrives: one event.
 */
const rows = 100_000;
const rounds = 5;
const update = `UPDATE customers SET address = address WHERE id IN (SELECT id FROM customers WHERE deleted_at IS NULL ORDER BY id LIMIT ${rows})`;
const withoutNotify = `CREATE OR REPLACE FUNCTION crm_bump_list_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM nextval('crm_list_version'); RETURN NULL; END $$`;

type Timing = { statementMs: number; triggerMs: number; triggerCalls: number };

async function timedRollback(db: Knex, notify: boolean): Promise<Timing> {
  let timing: Timing = { statementMs: NaN, triggerMs: NaN, triggerCalls: 0 };
  await db.transaction(async (trx) => {
    if (!notify) await trx.raw(withoutNotify);
    const plan = ((await trx.raw(`EXPLAIN (ANALYZE) ${update}`)).rows as Record<string, string>[]).map((row) => row['QUERY PLAN']).join('\n');
    const trigger = /Trigger customers_list_version: time=([\d.]+) calls=(\d+)/.exec(plan);
    timing = { statementMs: Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1]), triggerMs: Number(trigger?.[1]), triggerCalls: Number(trigger?.[2]) };
    await trx.rollback();
  }).catch(() => undefined);
  return timing;
}

async function main(): Promise<void> {
  const database = await openConfiguredDatabase(loadConfig());
  const db = database.db;
  try {
    const [{ customers }] = (await db.raw<{ rows: { customers: number }[] }>('SELECT count(*)::int AS customers FROM customers')).rows;
    console.log(`${customers.toLocaleString('en')} customers; UPDATE of ${rows.toLocaleString('en')} rows, ${rounds} rounds each, alternating\n`);
    await db.raw('VACUUM customers');
    await timedRollback(db, true); // warm-up: the table in cache
    const withTrigger: Timing[] = [];
    const without: Timing[] = [];
    for (let round = 0; round < rounds; round += 1) {
      withTrigger.push(await timedRollback(db, true));
      without.push(await timedRollback(db, false));
    }
    const print = (name: string, samples: Timing[]) => {
      const statement = summarize(samples.map((sample) => sample.statementMs));
      const trigger = summarize(samples.map((sample) => sample.triggerMs));
      console.log(`${name.padEnd(32)} statement p50 ${String(statement.p50).padStart(8)} ms   trigger p50 ${String(trigger.p50).padStart(6)} ms, max ${trigger.max} ms, calls ${samples[0].triggerCalls}`);
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
