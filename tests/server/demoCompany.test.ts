import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Db } from '../../server/db/database';
import { seedDemoCompany, type DemoCompanyResult } from '../../server/seed/demoCompany';
import { signIn } from '../support/apiClient';
import { useFreshDatabases } from '../support/testDatabase';

const { freshDatabase } = useFreshDatabases();

const vietnameseLetters = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;
/** Today's calendar day in Vietnam, as the database sees it. */
const today = `(now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;

async function rows<T>(db: Db, sql: string): Promise<T[]> {
  return (await db.raw(sql)).rows as T[];
}

describe('CRM_DEMO=1 demo company', () => {
  let db: Db;
  let first: DemoCompanyResult;
  let seedMs: number;

  beforeAll(async () => {
    ({ db } = await freshDatabase());
    const started = performance.now();
    first = await seedDemoCompany(db);
    seedMs = performance.now() - started;
  }, 60_000);

  it('fills an empty database once, quickly, with Vietnamese names, and its users can sign in', async () => {
    expect(first.created).toBe(true);
    expect(first.customers).toBeGreaterThan(100);
    expect(seedMs).toBeLessThan(15_000);
    expect((await seedDemoCompany(db)).created).toBe(false);
    const names = (await db('customers').select('name').limit(50)).map((row) => row.name).join(' ');
    expect(names).toMatch(vietnameseLetters);
    const texts = await rows<{ text: string }>(db, `SELECT string_agg(name, ' ') AS text FROM (SELECT name FROM opportunities LIMIT 30) o
      UNION ALL SELECT string_agg(subject, ' ') FROM (SELECT subject FROM activities LIMIT 30) a`);
    for (const { text } of texts) expect(text).toMatch(vietnameseLetters);
    const app = await buildApp({ db });
    const user = await db('users').whereNot('role', 'admin').first('username');
    const session = await signIn(app, user.username, first.password);
    expect((await session.call('GET', '/api/customers')).status).toBe(200);
    await app.close();
  });

  it('gives most customers revenue from realistic contracts, shown in their owner\'s list', async () => {
    const [share] = await rows<{ with_revenue: number; total: number }>(db, `
      SELECT count(*) FILTER (WHERE revenue > 0)::int AS with_revenue, count(*)::int AS total FROM (
        SELECT (SELECT coalesce(sum(k.value), 0) FROM contracts k WHERE k.customer_id = c.id AND k.deleted_at IS NULL) AS revenue
        FROM customers c WHERE c.deleted_at IS NULL) r`);
    expect(share.with_revenue / share.total).toBeGreaterThanOrEqual(0.6);
    expect(share.with_revenue / share.total).toBeLessThanOrEqual(0.85);
    const [values] = await rows<{ min: string; max: string; median: string }>(db,
      'SELECT min(value) AS min, max(value) AS max, percentile_cont(0.5) WITHIN GROUP (ORDER BY value) AS median FROM contracts');
    expect(Number(values.min)).toBeGreaterThanOrEqual(5_000_000);
    expect(Number(values.median)).toBeGreaterThanOrEqual(20_000_000);
    expect(Number(values.median)).toBeLessThan(1_000_000_000);
    expect(Number(values.max)).toBeGreaterThanOrEqual(1_000_000_000);
    expect(Number(values.max)).toBeLessThan(10_000_000_000);

    const owner = await rows<{ username: string }>(db, `SELECT u.username FROM users u JOIN customers c ON c.owner_id = u.id
      WHERE u.role = 'staff' GROUP BY u.username ORDER BY count(*) DESC LIMIT 1`);
    const app = await buildApp({ db });
    const session = await signIn(app, owner[0].username, first.password);
    const list = await session.call('GET', '/api/customers?limit=100');
    expect(list.status).toBe(200);
    // Pool customers are in everyone's list, without their contracts.
    const revenues = (list.body.rows as { revenue: number | null; inPool: boolean }[]).filter((row) => !row.inPool).map((row) => Number(row.revenue));
    expect(revenues.length).toBeGreaterThan(20);
    expect(revenues.filter((revenue) => revenue > 0).length / revenues.length).toBeGreaterThan(0.5);
    await app.close();
  });

  it('backs every contract with a won opportunity and an accepted quote of the same value, partly or fully paid', async () => {
    const unbacked = await rows(db, `SELECT k.id FROM contracts k
      WHERE NOT EXISTS (SELECT 1 FROM opportunities o WHERE o.customer_id = k.customer_id AND o.stage = 'won' AND o.expected_revenue = k.value AND o.expected_date = k.date)
         OR NOT EXISTS (SELECT 1 FROM quotes q WHERE q.customer_id = k.customer_id AND q.status = 'accepted' AND q.value = k.value AND q.date <= k.date)`);
    expect(unbacked).toEqual([]);
    const [counts] = await rows<{ won: number; contracts: number; accepted: number }>(db, `SELECT
      (SELECT count(*) FROM opportunities WHERE stage = 'won')::int AS won, (SELECT count(*) FROM contracts)::int AS contracts,
      (SELECT count(*) FROM quotes WHERE status = 'accepted')::int AS accepted`);
    expect(counts.won).toBe(counts.contracts);
    expect(counts.accepted).toBe(counts.contracts);
    const quoteTotals = await rows(db, `SELECT q.id FROM quotes q JOIN document_lines l ON l.quote_id = q.id GROUP BY q.id, q.value
      HAVING abs(sum(round(l.quantity * l.price * (1 - l.discount_percent / 100))) - q.value) > 1`);
    expect(quoteTotals).toEqual([]);
    expect(Number((await db('opportunities').whereIn('stage', ['initial', 'interested', 'negotiation', 'pending_approval']).count('* as n').first())!.n)).toBeGreaterThan(30);
    expect(Number((await db('opportunities').where('stage', 'lost').whereNotNull('lost_reason_id').count('* as n').first())!.n)).toBeGreaterThan(5);

    const payments = await rows<{ paid: string; value: string; status: string }>(db, `SELECT k.value, k.status, coalesce(sum(p.amount), 0) AS paid
      FROM contracts k LEFT JOIN payments p ON p.contract_id = k.id GROUP BY k.id`);
    expect(payments.every((p) => Number(p.paid) <= Number(p.value))).toBe(true);
    expect(payments.filter((p) => p.status === 'completed').every((p) => Number(p.paid) === Number(p.value))).toBe(true);
    expect(payments.filter((p) => Number(p.paid) > 0 && Number(p.paid) < Number(p.value)).length).toBeGreaterThan(10);
    expect(payments.filter((p) => Number(p.paid) === 0).length).toBeGreaterThan(0);
    const misdated = await rows(db, `SELECT p.id FROM payments p JOIN contracts k ON k.id = p.contract_id
      WHERE p.date < k.date OR p.date > ${today} OR p.customer_id <> k.customer_id`);
    expect(misdated).toEqual([]);
  });

  it('uses only care statuses of the managed list, most customers having one and a few waiting for multi-assign', async () => {
    const outside = await rows(db, `SELECT c.care_status FROM customers c WHERE c.care_status IS NOT NULL
      AND c.care_status NOT IN (SELECT coalesce(s.key, s.name) FROM care_statuses s WHERE s.deleted_at IS NULL)`);
    expect(outside).toEqual([]);
    const [spread] = await rows<{ with_status: number; pending: number; total: number; distinct_values: number; in_campaign: number }>(db, `SELECT
      count(care_status)::int AS with_status, count(*) FILTER (WHERE care_status = 'multi_assign_pending')::int AS pending,
      count(*)::int AS total, count(DISTINCT care_status)::int AS distinct_values,
      count(*) FILTER (WHERE care_status = 'multi_assign_pending' AND EXISTS (SELECT 1 FROM campaign_members m WHERE m.customer_id = c.id))::int AS in_campaign
      FROM customers c`);
    expect(spread.with_status / spread.total).toBeGreaterThan(0.7);
    expect(spread.pending).toBeGreaterThan(0);
    expect(spread.pending / spread.total).toBeLessThan(0.15);
    expect(spread.in_campaign).toBe(spread.pending);
    expect(spread.distinct_values).toBeGreaterThanOrEqual(5);
  });

  it('has transferred customers: created by one colleague, received later by the current owner, with matching history', async () => {
    const transferred = await rows<{ id: number }>(db, `SELECT c.id FROM customers c
      WHERE c.owner_assigned_at > c.created_at AND c.created_by <> c.owner_id`);
    const total = Number((await db('customers').count('* as n').first())!.n);
    expect(transferred.length / total).toBeGreaterThan(0.15);
    expect(transferred.length / total).toBeLessThan(0.35);
    const withHistory = await rows<{ id: number }>(db, `SELECT c.id FROM customers c
      WHERE c.owner_assigned_at > c.created_at AND c.created_by <> c.owner_id
        AND EXISTS (SELECT 1 FROM ownership_history h WHERE h.customer_id = c.id AND h.reason = 'create'
          AND h.from_user_id IS NULL AND h.to_user_id = c.created_by AND h.at = c.created_at)
        AND EXISTS (SELECT 1 FROM ownership_history h WHERE h.customer_id = c.id AND h.reason = 'transfer'
          AND h.from_user_id = c.created_by AND h.to_user_id = c.owner_id AND h.at = c.owner_assigned_at)`);
    expect(withHistory.length).toBe(transferred.length);
    expect(await rows(db, `SELECT id FROM customers WHERE owner_assigned_at < created_at`)).toEqual([]);
    // Every customer's latest history row ends at its current owner (none for a pool customer).
    const mismatched = await rows(db, `SELECT c.id FROM customers c
      CROSS JOIN LATERAL (SELECT h.to_user_id FROM ownership_history h WHERE h.customer_id = c.id ORDER BY h.at DESC, h.id DESC LIMIT 1) last
      WHERE last.to_user_id IS DISTINCT FROM c.owner_id`);
    expect(mismatched).toEqual([]);
    expect(Number((await db('ownership_history').count('* as n').first())!.n)).toBeGreaterThanOrEqual(total);
  });

  it('has open activities around today and none done ahead of time', async () => {
    const [activities] = await rows<{ open_near: number; upcoming: number; done_future: number; old: number; old_done: number }>(db, `SELECT
      count(*) FILTER (WHERE status <> 'done' AND date BETWEEN ${today} - 7 AND ${today} + 14)::int AS open_near,
      count(*) FILTER (WHERE status <> 'done' AND date BETWEEN ${today} AND ${today} + 14)::int AS upcoming,
      count(*) FILTER (WHERE status = 'done' AND date > ${today})::int AS done_future,
      count(*) FILTER (WHERE date < ${today} - 7)::int AS old,
      count(*) FILTER (WHERE date < ${today} - 7 AND status = 'done')::int AS old_done
      FROM activities`);
    expect(activities.open_near).toBeGreaterThan(150);
    expect(activities.upcoming).toBeGreaterThan(100);
    expect(activities.done_future).toBe(0);
    expect(activities.old_done / activities.old).toBeGreaterThan(0.85);
    const owners = await rows<{ users: number }>(db, `SELECT count(DISTINCT owner_id)::int AS users FROM activities
      WHERE status <> 'done' AND date BETWEEN ${today} AND ${today} + 14`);
    expect(owners[0].users).toBeGreaterThanOrEqual(8);
  });

  it('gives the same data for the same seed and day', async () => {
    const digest = async (target: Db) => (await rows<{ digest: string }>(target, `SELECT md5(concat_ws('|',
      (SELECT string_agg(concat_ws(',', name, care_status, created_at, owner_assigned_at), ';' ORDER BY id) FROM customers),
      (SELECT string_agg(concat_ws(',', customer_id, value, date, status), ';' ORDER BY id) FROM contracts),
      (SELECT string_agg(concat_ws(',', customer_id, subject, date, status), ';' ORDER BY id) FROM activities))) AS digest`))[0].digest;
    const [{ db: a }, { db: b }] = [await freshDatabase(), await freshDatabase()];
    await seedDemoCompany(a, { asOf: '2026-11-23' });
    await seedDemoCompany(b, { asOf: '2026-11-23' });
    expect(await digest(a)).toBe(await digest(b));
    expect(await digest(a)).not.toBe(await digest(db));
  }, 60_000);
});
