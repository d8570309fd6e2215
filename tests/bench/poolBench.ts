import type { Knex } from 'knex';
import type { PoolRunResult, PoolSettingsView } from '../../shared/schemas/pool';
import type { HttpClient } from './httpClient';
import { rolledBack } from './ownershipBaselines';
import { Budget, summarize, type Summary } from './stats';

export type PoolBenchResult = { name: string; customers: number; api: Summary; baseline: Summary | null; apiOverBaseline: number | null; errors: string[] };

/** Rule 3's days: long enough that it adds only the oldest receipts without contracts. */
const contractDays = 720;

const today = `(now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;
const receiptDay = `(c.owner_assigned_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;

/**
 * The candidates of rule 1 (no `done` activity for `days` days, counted from the receipt when that is later) or
 * rule 3 (no contract for `contractDays` days since the receipt), written by hand: the selection
 * the API's run is measured against.
 */
const handCandidates = (days: number) => `
  SELECT c.id, c.owner_id FROM customers c
    LEFT JOIN (SELECT customer_id, max(date) AS last FROM activities WHERE deleted_at IS NULL AND status = 'done' GROUP BY customer_id) a ON a.customer_id = c.id
    LEFT JOIN (SELECT DISTINCT customer_id FROM contracts WHERE deleted_at IS NULL) k ON k.customer_id = c.id
   WHERE c.deleted_at IS NULL AND c.owner_id IS NOT NULL AND NOT c.in_pool
     AND (greatest(a.last, ${receiptDay}) + ${days} <= ${today} OR (k.customer_id IS NULL AND ${receiptDay} + ${contractDays} <= ${today}))`;

/** The same candidates as the API selects them: from the due table the triggers keep (migration 0020). */
const dueCandidates = `
  SELECT c.id, c.owner_id FROM customer_pool_due d JOIN customers c ON c.id = d.customer_id
   WHERE d.due_on <= ${today} AND c.deleted_at IS NULL AND c.owner_id IS NOT NULL AND NOT c.in_pool`;

/** Rule 1's days such that about a tenth of the owned customers is due (a high percentile of days since the last done activity or the receipt). */
async function daysForShare(db: Knex): Promise<number> {
  const { rows: [row] } = await db.raw(`
    SELECT percentile_disc(0.92) WITHIN GROUP (ORDER BY ${today} - greatest(a.last, ${receiptDay}))::int AS days
      FROM customers c LEFT JOIN (SELECT customer_id, max(date) AS last FROM activities WHERE deleted_at IS NULL AND status = 'done' GROUP BY customer_id) a
        ON a.customer_id = c.id
     WHERE c.deleted_at IS NULL AND c.owner_id IS NOT NULL AND NOT c.in_pool`);
  return Math.max(1, row.days);
}

/** The run by hand: select, move (owner NULL, previous owner kept, in the pool), history, one notification per previous owner. */
const runBaseline = (db: Knex, candidates: string, actorId: number) => rolledBack(db, async (trx) => {
  await trx.raw(`CREATE TEMP TABLE hand_candidates ON COMMIT DROP AS ${candidates}`);
  await trx.raw(`CREATE TEMP TABLE hand_moved ON COMMIT DROP AS SELECT 0::bigint AS id, 0::bigint AS from_owner WHERE false`);
  await trx.raw(`WITH u AS (UPDATE customers c SET owner_id = NULL, previous_owner_id = c.owner_id, owner_assigned_at = now(), version = c.version + 1,
        updated_at = now(), updated_by = ?, in_pool = true, pool_entered_at = now()
        FROM hand_candidates h WHERE c.id = h.id RETURNING c.id, old.owner_id)
      INSERT INTO hand_moved SELECT * FROM u`, [actorId]);
  await trx.raw(`INSERT INTO ownership_history (customer_id, from_user_id, to_user_id, reason, changed_by) SELECT id, from_owner, NULL, 'pool', ? FROM hand_moved`, [actorId]);
  await trx.raw(`INSERT INTO notifications (user_id, kind, title) SELECT from_owner, 'customers_transferred_away', count(*) || ' khách hàng' FROM hand_moved GROUP BY from_owner`);
});

/** The dry run by hand: the same selection, its count and the first 1,000 by name with their owners. */
const dryRunBaseline = (db: Knex, candidates: string) => rolledBack(db, async (trx) => {
  await trx.raw(`CREATE TEMP TABLE hand_candidates ON COMMIT DROP AS ${candidates}`);
  await trx.raw('SELECT count(*) FROM hand_candidates');
  await trx.raw('SELECT c.id, c.code, c.name, u.full_name FROM hand_candidates h JOIN customers c ON c.id = h.id JOIN users u ON u.id = c.owner_id ORDER BY c.name, c.id LIMIT 1000');
});

/** What a run changes on the due customers, to put back after each API run. */
async function saveDue(db: Knex, days: number): Promise<number> {
  await db.raw('DROP TABLE IF EXISTS bench_pool_saved');
  await db.raw(`CREATE UNLOGGED TABLE bench_pool_saved AS
    SELECT c.id, c.owner_id, c.previous_owner_id, c.owner_assigned_at, c.version, c.updated_at, c.updated_by, c.in_pool, c.pool_entered_at
      FROM customers c WHERE c.id IN (SELECT id FROM (${handCandidates(days)}) h)`);
  await db.raw('ALTER TABLE bench_pool_saved ADD PRIMARY KEY (id)');
  return Number((await db.raw('SELECT count(*) AS n FROM bench_pool_saved')).rows[0].n);
}

async function restoreDue(db: Knex, actorId: number, since: Date): Promise<void> {
  await db.transaction(async (trx) => {
    await trx.raw(`UPDATE customers c SET owner_id = s.owner_id, previous_owner_id = s.previous_owner_id, owner_assigned_at = s.owner_assigned_at,
        version = s.version, updated_at = s.updated_at, updated_by = s.updated_by, in_pool = s.in_pool, pool_entered_at = s.pool_entered_at
      FROM bench_pool_saved s WHERE c.id = s.id AND c.version <> s.version`);
    await trx('ownership_history').where({ reason: 'pool', changed_by: actorId }).where('at', '>=', since).delete();
    await trx('notifications').where('created_at', '>=', since).whereRaw(`data->>'reason' = 'pool'`).delete();
    await trx('audit_log').where({ action: 'owner_pool', user_id: actorId }).delete();
    await trx('pool_runs').where({ user_id: actorId }).delete();
  });
  await db.raw('VACUUM customers, customer_owners, customer_pool_due');
}

const ratio = (api: Summary, baseline: Summary) => Math.round((api.p50 / baseline.p50) * 100) / 100;

/**
 * Khách hàng chung at scale (issue 13; targets: a run and a dry run under 20 s and within 2× the
 * same work by hand). Two baselines: the rules evaluated by hand from the activities and contracts
 * (what a run without the due table would cost), and the same selection the API makes, from
 * `customer_pool_due`, followed by the same UPDATE, history and notifications by hand. Rules: 1 (no done activity for the 90th-percentile number of days, so about
 * 10% of the owned customers are due) and 3 (no contract within 720 days of the receipt). Measures
 * the settings save (which recomputes every customer's days left), the dry run, the run (data put
 * back after each), and the first and a deep page sorted by days left. The pool's settings are put
 * back at the end.
 */
export async function benchPool(db: Knex, admin: HttpClient, deadline: number): Promise<PoolBenchResult[]> {
  const original = (await admin.request<PoolSettingsView>('GET', '/api/pool/settings')).body;
  const { running: _running, lastRunAt: _lastRunAt, nextRunAt: _nextRunAt, lastRunMoved: _lastRunMoved, ...originalSettings } = original;
  const days = await daysForShare(db);
  const settings = {
    ...originalSettings,
    rules: {
      noActivitySinceLast: { enabled: true, days, activityStatuses: ['done'], contractFilter: 'all' },
      noActivitySinceTransfer: { ...original.rules.noActivitySinceTransfer, enabled: false },
      noContractSinceTransfer: { enabled: true, days: contractDays },
    },
  };
  const errors: string[] = [];
  const samples: Record<'save' | 'dry' | 'run' | 'dryBaseline' | 'runBaseline' | 'dryDueBaseline' | 'runDueBaseline' | 'firstPage' | 'deepPage', number[]> = {
    save: [], dry: [], run: [], dryBaseline: [], runBaseline: [], dryDueBaseline: [], runDueBaseline: [], firstPage: [], deepPage: [],
  };
  const due = await saveDue(db, days);
  try {
    for (const budget = new Budget(2, 120_000, deadline); budget.next();) {
      const saved = await admin.request('PUT', '/api/pool/settings', settings);
      if (saved.status === 200) samples.save.push(saved.ms);
      else errors.push(`settings ${saved.status} ${JSON.stringify(saved.body).slice(0, 200)}`);
    }
    const total = Number((await db.raw('SELECT count(*) AS n FROM customers WHERE deleted_at IS NULL')).rows[0].n);
    for (const budget = new Budget(3, 120_000, deadline); budget.next();) {
      const page = await admin.request<{ total: number }>('GET', `/api/customers?sort=poolDaysLeft:asc&offset=${Math.floor(total * 0.9 / 100) * 100}&limit=100`);
      if (page.status === 200) samples.deepPage.push(page.ms);
      else errors.push(`deep page ${page.status}`);
      const first = await admin.request('GET', '/api/customers?sort=poolDaysLeft:asc&offset=0&limit=100');
      if (first.status === 200) samples.firstPage.push(first.ms);
    }
    for (const budget = new Budget(3, 180_000, deadline); budget.next();) {
      const dry = await admin.request<PoolRunResult>('POST', '/api/pool/run', { dryRun: true });
      if (dry.status === 200 && dry.body.moved === due) samples.dry.push(dry.ms);
      else errors.push(`dry run ${dry.status} moved ${dry.body.moved} of ${due}`);
    }
    for (const budget = new Budget(3, 180_000, deadline); budget.next();) samples.dryBaseline.push(await dryRunBaseline(db, handCandidates(days)));
    for (const budget = new Budget(3, 180_000, deadline); budget.next();) samples.dryDueBaseline.push(await dryRunBaseline(db, dueCandidates));
    for (const budget = new Budget(3, 300_000, deadline); budget.next();) {
      const since = new Date((await db.raw('SELECT now() AS now')).rows[0].now);
      const run = await admin.request<PoolRunResult>('POST', '/api/pool/run', {});
      if (run.status === 200 && run.body.moved === due) samples.run.push(run.ms);
      else errors.push(`run ${run.status} moved ${run.body.moved} of ${due}`);
      await restoreDue(db, admin.userId, since);
    }
    for (const [target, candidates] of [[samples.runBaseline, handCandidates(days)], [samples.runDueBaseline, dueCandidates]] as const) {
      for (const budget = new Budget(3, 300_000, deadline); budget.next();) {
        target.push(await runBaseline(db, candidates, admin.userId));
        await db.raw('VACUUM customers, customer_owners, customer_pool_due');
      }
    }
  } finally {
    await db.raw('DROP TABLE IF EXISTS bench_pool_saved');
    await admin.request('PUT', '/api/pool/settings', originalSettings);
  }
  const s = Object.fromEntries(Object.entries(samples).map(([key, values]) => [key, summarize(values)])) as Record<keyof typeof samples, Summary>;
  return [
    { name: `pool settings save (days left of all)`, customers: due, api: s.save, baseline: null, apiOverBaseline: null, errors },
    { name: `pool dry run (rule 1: ${days} days, rule 3)`, customers: due, api: s.dry, baseline: s.dryBaseline, apiOverBaseline: ratio(s.dry, s.dryBaseline), errors: [] },
    { name: '  vs SQL selecting from customer_pool_due', customers: due, api: s.dry, baseline: s.dryDueBaseline, apiOverBaseline: ratio(s.dry, s.dryDueBaseline), errors: [] },
    { name: 'pool run (Reset)', customers: due, api: s.run, baseline: s.runBaseline, apiOverBaseline: ratio(s.run, s.runBaseline), errors: [] },
    { name: '  vs SQL selecting from customer_pool_due', customers: due, api: s.run, baseline: s.runDueBaseline, apiOverBaseline: ratio(s.run, s.runDueBaseline), errors: [] },
    { name: 'customers sorted by days left, first page', customers: due, api: s.firstPage, baseline: null, apiOverBaseline: null, errors: [] },
    { name: 'customers sorted by days left, at 90%', customers: due, api: s.deepPage, baseline: null, apiOverBaseline: null, errors: [] },
  ];
}

const ms = (value: number) => (Number.isNaN(value) ? '-' : value.toFixed(0)).padStart(8);

/** One line per measure: API p50 / max against the hand-written SQL where there is one (target: < 20 s, ≤ 2×). */
export function printPoolTable(results: PoolBenchResult[]): void {
  console.log('\nCommon pool at scale over HTTP vs hand-written SQL (ms; due = customers the rules take); target < 20,000 ms and ≤ 2× SQL');
  for (const r of results) {
    const sql = r.baseline ? `SQL p50 ${ms(r.baseline.p50)} max ${ms(r.baseline.max)}  API/SQL ${r.apiOverBaseline?.toFixed(2)}` : '';
    const flag = r.api.max >= 20_000 || (r.apiOverBaseline ?? 0) > 2 ? '  ← over target' : '';
    console.log(`${r.name.padEnd(46)} due ${String(r.customers).padStart(8)}  API n ${r.api.count} p50 ${ms(r.api.p50)} max ${ms(r.api.max)}  ${sql}${flag}`);
    for (const error of r.errors) console.log(`    error: ${error}`);
  }
}
