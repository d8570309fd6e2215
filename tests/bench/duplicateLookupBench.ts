import type { Knex } from 'knex';
import type { Actor } from '../../server/access/actor';
import { loadConfig } from '../../server/config';
import { openConfiguredDatabase } from '../../server/db/configuredDatabase';
import { findDuplicates, refuseDuplicateTaxCode } from '../../server/features/customers/duplicates';
import { customerSettings } from '../../server/features/settings/customerSettings';
import { seededRandom, summarize } from './stats';

/**
 * Duplicate warning (issue 10) on a seeded database (DATABASE_URL or CRM_DATA_DIR, as npm start):
 *   CRM_DATA_DIR=/tmp/dupbench npm run seed -- --customers 200000
 *   CRM_DATA_DIR=/tmp/dupbench npx tsx tests/bench/duplicateLookupBench.ts
 * Times `findDuplicates` (all three fields, existing values and misses) as an admin, a manager
 * and a staff member, the "refuse" check inside a rolled-back transaction, and, for scale, the
 * same lookup with index scans disabled (a sequential scan). Changes nothing.
 */
const samplesPerCase = 300;

async function actorWhere(db: Knex, role: string): Promise<Actor> {
  const row = await db('users as u').leftJoin('departments as d', 'd.id', 'u.department_id')
    .where({ 'u.role': role, 'u.active': true })
    .orderByRaw('(SELECT count(*) FROM customers c WHERE c.owner_id = u.id) DESC, u.id').first('u.id', 'u.username', 'u.full_name', 'u.role', 'u.department_id', 'd.path');
  if (!row) throw new Error(`no active ${role}`);
  return { id: row.id, username: row.username, fullName: row.full_name, role: row.role, departmentId: row.department_id, departmentPath: row.path ?? null };
}

async function time(samples: number, run: (i: number) => Promise<unknown>): Promise<ReturnType<typeof summarize>> {
  const durations: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const started = performance.now();
    await run(i);
    durations.push(performance.now() - started);
  }
  return summarize(durations);
}

/** Prints the timings on `db` (seeded, migrated); changes nothing. */
export async function benchDuplicateLookup(db: Knex): Promise<void> {
  {
    const [{ customers }] = (await db.raw<{ rows: { customers: number }[] }>('SELECT count(*)::int AS customers FROM customers WHERE deleted_at IS NULL')).rows;
    const random = seededRandom(20261202);
    const existing: { tax_code: string | null; phone: string | null; email: string | null }[] = (await db.raw(
      `SELECT tax_code, phone, email FROM customers TABLESAMPLE BERNOULLI (1) REPEATABLE (7) WHERE deleted_at IS NULL LIMIT ?`, [samplesPerCase])).rows;
    const hit = (i: number) => {
      const row = existing[i % existing.length];
      // Typed the way people type: spaces in the phone, capitals in the email.
      return { taxCode: row.tax_code, phone: row.phone?.replace(/^(\d{4})(\d{3})/, '$1 $2 ') ?? null, email: row.email?.toUpperCase() ?? null };
    };
    const miss = () => ({ taxCode: `9${Math.floor(random() * 1e9)}`, phone: `08${Math.floor(random() * 1e8)}`, email: `nobody${Math.floor(random() * 1e9)}@example.invalid` });
    const actors = { admin: await actorWhere(db, 'admin'), manager: await actorWhere(db, 'manager'), staff: await actorWhere(db, 'staff') };
    console.log(`${customers.toLocaleString('en')} live customers; ${existing.length} sampled values; ${samplesPerCase} lookups per case (3 fields each)\n`);
    console.log(`${'case'.padEnd(46)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'max ms'.padStart(7)}`);
    const print = (name: string, s: ReturnType<typeof summarize>) => console.log(`${name.padEnd(46)} ${String(s.p50).padStart(7)} ${String(s.p95).padStart(7)} ${String(s.max).padStart(7)}`);

    for (let i = 0; i < 20; i += 1) await findDuplicates(db, actors.staff, hit(i)); // warm-up
    for (const [role, actor] of Object.entries(actors)) {
      print(`findDuplicates ${role}, existing values`, await time(samplesPerCase, (i) => findDuplicates(db, actor, hit(i))));
      print(`findDuplicates ${role}, no match`, await time(samplesPerCase, () => findDuplicates(db, actor, miss())));
    }
    const matched = await findDuplicates(db, actors.staff, hit(0));
    console.log(`  (staff, sample 0: ${JSON.stringify(matched.counts)}, ${matched.matches.filter((m) => m.customer === null).length} hidden entries)`);

    const refuseCheck = (taxCode: string | null) => db.transaction(async (trx) => {
      await trx('app_settings').insert({ key: customerSettings.key, value: JSON.stringify({ duplicateTaxCode: 'refuse' }) })
        .onConflict('key').merge(['value']);
      await refuseDuplicateTaxCode(trx, taxCode).catch(() => undefined);
      await trx.rollback();
    }).catch(() => undefined);
    print('refuseDuplicateTaxCode (in a rolled-back trx)', await time(samplesPerCase, (i) => refuseCheck(hit(i).taxCode ?? miss().taxCode)));

    const plan = (await db.raw(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT c.id FROM customers c
      WHERE crm_normal_phone(c.phone) = crm_normal_phone(?) AND c.deleted_at IS NULL`, [hit(1).phone])).rows.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']);
    console.log(`\nplan of one phone probe:\n  ${plan.join('\n  ')}`);

    const seqScan = await time(5, (i) => db.transaction(async (trx) => {
      await trx.raw('SET LOCAL enable_indexscan = off; SET LOCAL enable_bitmapscan = off');
      await findDuplicates(trx, actors.admin, hit(i));
    }));
    print('\nsame lookup without the indexes (seq scan), admin', seqScan);
  }
}

async function main(): Promise<void> {
  const { db, close } = await openConfiguredDatabase(loadConfig(), (line) => process.stdout.write(line));
  try {
    await benchDuplicateLookup(db);
  } finally {
    await close();
  }
}

if (process.argv[1]?.endsWith('duplicateLookupBench.ts')) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
