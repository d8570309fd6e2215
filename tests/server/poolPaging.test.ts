import { describe, expect, it } from 'vitest';
import { useCompanyApp } from '../support/companyApp';
import { poolFixtures } from './poolFixtures';

const t = useCompanyApp();
const f = poolFixtures(t);
const rowCount = 2600;

/** The "Còn lại" sort pages like a plain ORDER BY … OFFSET over the due days, at any offset, for admins and staff. */
describe('sort by poolDaysLeft', () => {
  it('matches a plain OFFSET query, deep pages and customers without a due day included', async () => {
    // Receipts over 40 days with repeated names; some in the pool or without owner (no due day), some with contracts.
    await t.db.raw(`
      INSERT INTO customers (name, owner_id, owner_assigned_at, in_pool)
      SELECT (ARRAY['Đặng','An','Ân','Nguyễn'])[1 + i % 4] || ' ' || (i % 53),
             CASE WHEN i % 17 = 0 THEN NULL WHEN i % 2 = 0 THEN ?::bigint ELSE ?::bigint END,
             timestamptz '2026-01-01 09:00+07' + (i % 40) * interval '1 day',
             i % 17 = 0
        FROM generate_series(1, ?) AS i`, [t.staffA.userId, t.staffB.userId, rowCount]);
    await t.db.raw(`INSERT INTO contracts (customer_id, owner_id, date, value) SELECT id, ?, date '2026-01-05', 1 FROM customers WHERE id % 5 = 0 AND owner_id IS NOT NULL`, [t.staffA.userId]);
    await f.saveSettings({ noActivitySinceTransfer: { enabled: true, days: 20, contractFilter: 'without' }, noContractSinceTransfer: { enabled: true, days: 30 } });
    const key = `(SELECT d.due_on FROM customer_pool_due d WHERE d.customer_id = c.id)`;
    const naive = async (order: string, offset: number, visible: string) => (await t.db.raw(
      `SELECT c.id FROM customers c WHERE c.deleted_at IS NULL AND ${visible} ORDER BY ${order} OFFSET ? LIMIT 60`, [offset])).rows.map((r: { id: number }) => r.id);
    const cases: [typeof t.admin, string, string, string][] = [
      [t.admin, 'poolDaysLeft:asc', `${key} asc, c.name asc, c.id asc`, 'TRUE'],
      [t.admin, 'poolDaysLeft:desc', `${key} desc, c.name desc, c.id desc`, 'TRUE'],
      [t.staffA, 'poolDaysLeft:asc', `${key} asc, c.name asc, c.id asc`, `(c.owner_id = ${t.staffA.userId} OR c.in_pool)`],
    ];
    for (const [client, sort, order, visible] of cases) {
      const total = Number((await t.db.raw(`SELECT count(*) AS n FROM customers c WHERE c.deleted_at IS NULL AND ${visible}`)).rows[0].n);
      for (const offset of [0, 100, 999, 1000, 1234, 1900, total - 60, total - 1]) {
        const page = await client.call('GET', `/api/customers?sort=${sort}&offset=${offset}&limit=60`);
        expect(page.status, JSON.stringify(page.body)).toBe(200);
        expect(page.body.total).toBe(total);
        expect(page.body.rows.map((row: { id: number }) => row.id), `${sort} @${offset}`).toEqual(await naive(order, offset, visible));
      }
    }
    const first = (await t.admin.call('GET', '/api/customers?sort=poolDaysLeft:asc&limit=3')).body.rows;
    expect(first.map((row: { poolDaysLeft: number }) => row.poolDaysLeft)).toEqual([0, 0, 0]);
  });
});
