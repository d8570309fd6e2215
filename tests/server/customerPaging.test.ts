import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/appType';
import type { Db } from '../../server/db/database';
import { signInAdmin, type ApiClient } from '../support/apiClient';
import { createTestApp } from '../support/testServer';

let app: App;
let db: Db;
let close: () => Promise<void>;
let admin: ApiClient;
const rowCount = 3500;

beforeAll(async () => {
  ({ app, db, close } = await createTestApp());
  admin = await signInAdmin(app);
  // Duplicate names, NULL emails and equal scores make ties that only the id breaks.
  await db.raw(`
    INSERT INTO customers (name, email, score, created_at, owner_id)
    SELECT (ARRAY['Đặng','Dương','An','Ân','Nguyễn','Ánh'])[1 + i % 6] || ' ' || (i % 97),
           CASE WHEN i % 3 = 0 THEN NULL ELSE 'kh' || (i % 211) || '@vd.vn' END,
           i % 13,
           timestamp '2026-01-01' + (i % 400) * interval '1 hour' + interval '123456 microseconds',
           1
    FROM generate_series(1, ?) AS i`, [rowCount]);
});
afterAll(() => close());

async function naiveIds(orderBy: string, offset: number, limit: number): Promise<number[]> {
  const result = await db.raw(`SELECT id FROM customers c WHERE deleted_at IS NULL ORDER BY ${orderBy} OFFSET ? LIMIT ?`, [offset, limit]);
  return result.rows.map((row: { id: number }) => row.id);
}

describe('customer pages at any offset', () => {
  const sorts: [string, string][] = [
    ['name:asc', 'c.name asc, c.id asc'],
    ['name:desc', 'c.name desc, c.id desc'],
    ['email:asc', 'c.email asc, c.id asc'],
    ['email:desc,name:asc', 'c.email desc, c.name asc, c.id desc'],
    ['createdAt:desc,score:asc', 'c.created_at desc, c.score asc, c.id desc'],
    ['score:desc', 'c.score desc, c.id desc'],
    ['code:desc', 'c.code desc'],
  ];

  it.each(sorts)('sort %s matches a plain OFFSET query, deep pages included', async (sort, orderBy) => {
    for (const offset of [0, 999, 1000, 1001, 2345, 3000, 3450, 3499, 3500]) {
      const page = await admin.call('GET', `/api/customers?sort=${sort}&offset=${offset}&limit=60`);
      expect(page.status).toBe(200);
      expect(page.body.total).toBe(rowCount);
      expect(page.body.rows.map((row: { id: number }) => row.id), `${sort} @${offset}`).toEqual(await naiveIds(orderBy, offset, 60));
    }
  });

  it('counts new rows at once and repositions deep pages right after', async () => {
    await admin.call('GET', '/api/customers?sort=name:asc&offset=2000&limit=10');
    await db.raw(`INSERT INTO customers (name, owner_id) SELECT 'An 0' , 1 FROM generate_series(1, 5)`);
    const page = await admin.call('GET', '/api/customers?sort=name:asc&offset=2000&limit=50');
    expect(page.body.total).toBe(rowCount + 5);
    // Anchors from before the insert are served while fresh ones are computed in the background.
    const expected = await naiveIds('c.name asc, c.id asc', 2000, 50);
    await expect.poll(async () => (await admin.call('GET', '/api/customers?sort=name:asc&offset=2000&limit=50')).body.rows.map((row: { id: number }) => row.id))
      .toEqual(expected);
  });

  it('pages a text search the same way, and never shows a customer deleted since the list was cached', async () => {
    const naiveSearch = async (offset: number) =>
      (await db.raw(`SELECT id FROM customers c WHERE deleted_at IS NULL AND search_text LIKE '%an%' ORDER BY name, id OFFSET ? LIMIT 100`, [offset]))
        .rows.map((row: { id: number }) => row.id);
    const pageIds = async (offset: number) =>
      (await admin.call('GET', `/api/customers?search=an&sort=name:asc&offset=${offset}&limit=100`)).body.rows.map((row: { id: number }) => row.id);
    for (const offset of [0, 100, 1000, 1100]) expect(await pageIds(offset), `@${offset}`).toEqual(await naiveSearch(offset));
    const victim = (await pageIds(1000))[5];
    expect((await admin.call('DELETE', `/api/customers/${victim}`)).status).toBe(200);
    expect(await pageIds(1000)).not.toContain(victim);
    await expect.poll(() => pageIds(1000)).toEqual(await naiveSearch(1000));
  });
});

describe('customer codes', () => {
  it('keep growing past 999,999 without colliding', async () => {
    await db.raw(`SELECT setval('customer_code_seq', 999999)`);
    const first = await admin.call('POST', '/api/customers', { name: 'Khách Thứ Một Triệu' });
    const second = await admin.call('POST', '/api/customers', { name: 'Khách Thứ Một Triệu Lẻ Một' });
    expect([first.body.code, second.body.code]).toEqual(['KH1000000', 'KH1000001']);
  });
});
