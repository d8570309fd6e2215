import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/appType';
import type { Db } from '../../server/db/database';
import { createCompany, signIn, signInAdmin, type ApiClient } from '../support/apiClient';
import { createTestApp } from '../support/testServer';

let app: App;
let db: Db;
let close: () => Promise<void>;
let admin: ApiClient;
let staff: ApiClient;
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
  const company = await createCompany(admin);
  staff = await signIn(app, 'nhanvien.a', company.password);
  // Types, owners and groups with equal names (a deleted type, two users of one name), customers
  // without any, contracts summing to equal amounts, deleted contracts that must not count.
  await db.raw(`
    INSERT INTO customer_types (name, deleted_at) VALUES ('Đại lý', NULL), ('Bán lẻ', NULL), ('Ân nhân', NULL), ('An toàn', NULL), ('Bán lẻ', now());
    INSERT INTO users (username, password_hash, full_name, role) VALUES ('trung.ten.1', 'x', 'Nguyễn Văn An', 'staff'), ('trung.ten.2', 'x', 'Ánh Dương', 'staff');
    INSERT INTO customer_groups (name) VALUES ('Đối tác'), ('VIP'), ('Ấn tượng'), ('An');
    UPDATE customers c SET type_id = (SELECT array_agg(id ORDER BY id) FROM customer_types)[1 + c.id % 6],
      owner_id = (SELECT array_agg(id ORDER BY id) FROM users)[1 + c.id % 9], in_pool = (c.id % 9 = 8);
    INSERT INTO customer_group_members (customer_id, group_id)
      SELECT c.id, (SELECT array_agg(id ORDER BY id) FROM customer_groups)[1 + (c.id + k) % 4] FROM customers c, generate_series(0, 2) AS k
       WHERE c.id % 3 <> 0 AND (k = 0 OR (k = 1 AND c.id % 5 = 0) OR (k = 2 AND c.id % 7 = 0));
    INSERT INTO contracts (customer_id, owner_id, date, value, deleted_at)
      SELECT c.id, 1, date '2026-01-01', v.value, v.deleted_at FROM customers c
        CROSS JOIN LATERAL (VALUES ((c.id % 3) * 1000000, NULL::timestamptz, c.id % 4 = 0), (500000, NULL, c.id % 8 = 0), (9000000000, now(), c.id % 12 = 0)) AS v(value, deleted_at, wanted)
       WHERE v.wanted;
    INSERT INTO customer_shares (customer_id, user_id, source, info_types)
      SELECT c.id, ${staff.userId}, 'share', CASE WHEN c.id % 2 = 0 THEN ARRAY['general', 'contracts'] ELSE ARRAY['general'] END FROM customers c WHERE c.id % 13 = 0;`);
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

describe('lists filtered by type or care status, in name order', () => {
  // filterNameBound starts the name-index walk at the filter's first (last) name; counts of admins
  // come from customer_keys alone. Both must answer what the plain query answers.
  const cases: [string, string][] = [
    ['typeId=1', 'c.type_id = 1'],
    ['typeId=2&typeId=4', 'c.type_id IN (2, 4)'],
    ['careStatus=Đang chăm sóc', "c.care_status = 'Đang chăm sóc'"],
    ['careStatus=Đang chăm sóc&typeId=3', "c.care_status = 'Đang chăm sóc' AND c.type_id = 3"],
    ['typeId=999999', 'FALSE'],
  ];
  beforeAll(async () => {
    await db.raw(`UPDATE customers SET care_status = CASE WHEN id % 4 = 0 THEN 'Đang chăm sóc' WHEN id % 4 = 1 THEN 'Chờ phản hồi' END WHERE id <= ?`, [rowCount]);
  });

  it.each(cases)('%s matches a plain OFFSET query for admins and staff, both ways', async (query, where) => {
    const readable = `(c.owner_id = ${staff.userId} OR c.in_pool OR EXISTS (SELECT 1 FROM customer_shares s WHERE s.customer_id = c.id AND s.user_id = ${staff.userId}))`;
    for (const [client, access] of [[admin, 'TRUE'], [staff, readable]] as const) {
      const total = Number((await db.raw(`SELECT count(*) AS n FROM customers c WHERE deleted_at IS NULL AND ${where} AND ${access}`)).rows[0].n);
      for (const direction of ['asc', 'desc']) {
        for (const offset of [0, 30, 250]) {
          const page = await client.call('GET', `/api/customers?${encodeURI(query)}&sort=name:${direction}&offset=${offset}&limit=60`);
          expect(page.status).toBe(200);
          expect(page.body.total).toBe(total);
          const expected = await db.raw(`SELECT id FROM customers c WHERE deleted_at IS NULL AND ${where} AND ${access}
            ORDER BY c.name ${direction}, c.id ${direction} OFFSET ? LIMIT 60`, [offset]);
          expect(page.body.rows.map((row: { id: number }) => row.id), `${query} ${direction} @${offset}`).toEqual(expected.rows.map((row: { id: number }) => row.id));
        }
      }
    }
  });
});

describe('type, owner, group and revenue sorts at any offset', () => {
  const byName = (direction: string) => `c.name ${direction}`;
  const typeName = (d: string) => `(SELECT t.name FROM customer_types t WHERE t.id = c.type_id) ${d}, c.type_id ${d}`;
  const ownerName = (d: string) => `(SELECT u.full_name FROM users u WHERE u.id = c.owner_id) ${d}, c.owner_id ${d}`;
  const firstGroup = (column: string) =>
    `(SELECT g.${column} FROM customer_group_members m JOIN customer_groups g ON g.id = m.group_id WHERE m.customer_id = c.id ORDER BY g.name, g.id LIMIT 1)`;
  const groups = (d: string) => `${firstGroup('name')} ${d}, ${firstGroup('id')} ${d}`;
  // From the contracts themselves, not the maintained column: this checks the triggers too.
  const revenueSql = '(SELECT coalesce(sum(k.value), 0) FROM contracts k WHERE k.customer_id = c.id AND k.deleted_at IS NULL)';
  const sorts: [string, string][] = [];
  for (const d of ['asc', 'desc']) {
    sorts.push([`typeName:${d}`, `${typeName(d)}, ${byName(d)}, c.id ${d}`]);
    sorts.push([`ownerName:${d}`, `${ownerName(d)}, ${byName(d)}, c.id ${d}`]);
    sorts.push([`groups:${d}`, `${groups(d)}, ${byName(d)}, c.id ${d}`]);
    sorts.push([`revenue:${d}`, `${revenueSql} ${d}, ${byName(d)}, c.id ${d}`]);
    sorts.push([`careStatus:${d}`, `c.care_status ${d}, ${byName(d)}, c.id ${d}`]);
  }
  sorts.push(['ownerName:asc,createdAt:desc', `${ownerName('asc')}, c.created_at desc, c.id asc`]);
  sorts.push(['revenue:desc,typeName:asc', `${revenueSql} desc, ${typeName('asc')}, c.name asc, c.id desc`]);
  sorts.push(['name:asc,groups:desc', `c.name asc, ${groups('desc')}, c.name desc, c.id asc`]);

  it.each(sorts)('sort %s matches a plain OFFSET query, deep pages included', async (sort, orderBy) => {
    const total = Number((await db.raw('SELECT count(*) AS n FROM customers WHERE deleted_at IS NULL')).rows[0].n);
    for (const offset of [0, 40, 999, 1000, 1001, 2345, 3000, total - 50, total]) {
      const page = await admin.call('GET', `/api/customers?sort=${sort}&offset=${offset}&limit=60`);
      expect(page.status).toBe(200);
      expect(page.body.total).toBe(total);
      expect(page.body.rows.map((row: { id: number }) => row.id), `${sort} @${offset}`).toEqual(await naiveIds(orderBy, offset, 60));
    }
  });

  it('sorts revenue a staff member may not see as empty, never by the hidden amount', async () => {
    const visible = `c.owner_id = ${staff.userId} OR EXISTS (SELECT 1 FROM customer_shares s WHERE s.customer_id = c.id AND s.user_id = ${staff.userId} AND 'contracts' = ANY(s.info_types))`;
    const readable = `(c.owner_id = ${staff.userId} OR c.in_pool OR EXISTS (SELECT 1 FROM customer_shares s WHERE s.customer_id = c.id AND s.user_id = ${staff.userId}))`;
    const staffSorts: [string, string][] = [
      ['revenue:asc', `CASE WHEN ${visible} THEN ${revenueSql} END asc, c.name asc, c.id asc`],
      ['revenue:desc', `CASE WHEN ${visible} THEN ${revenueSql} END desc, c.name desc, c.id desc`],
      ['revenue:desc,ownerName:asc', `CASE WHEN ${visible} THEN ${revenueSql} END desc, ${ownerName('asc')}, c.name asc, c.id desc`],
    ];
    for (const [sort, orderBy] of staffSorts) {
      const naive = async (offset: number) => (await db.raw(
        `SELECT id FROM customers c WHERE deleted_at IS NULL AND ${readable} ORDER BY ${orderBy} OFFSET ? LIMIT 60`, [offset])).rows.map((row: { id: number }) => row.id);
      const total = Number((await db.raw(`SELECT count(*) AS n FROM customers c WHERE deleted_at IS NULL AND ${readable}`)).rows[0].n);
      expect(total).toBeGreaterThan(700);
      for (const offset of [0, 99, 100, 250, 400, 555, total - 30]) {
        const page = await staff.call('GET', `/api/customers?sort=${sort}&offset=${offset}&limit=60`);
        expect(page.body.total).toBe(total);
        expect(page.body.rows.map((row: { id: number }) => row.id), `${sort} @${offset}`).toEqual(await naive(offset));
      }
    }
    // Pool customers with big contracts sit among the empty amounts, before every visible one when descending.
    const top = await staff.call('GET', '/api/customers?sort=revenue:desc&limit=1000');
    const firstShown = top.body.rows.findIndex((row: { revenue: number | null }) => row.revenue !== null);
    expect(firstShown).toBeGreaterThan(0);
    expect(top.body.rows.slice(0, firstShown).every((row: { revenue: number | null }) => row.revenue === null)).toBe(true);
    expect(top.body.rows.slice(firstShown).every((row: { revenue: number | null }) => row.revenue !== null)).toBe(true);
  });

  it('follows new contracts, renamed types and group changes at once', async () => {
    const [customer] = (await db.raw(`SELECT id FROM customers WHERE deleted_at IS NULL ORDER BY id DESC LIMIT 1`)).rows;
    await db.raw(`INSERT INTO contracts (customer_id, owner_id, date, value) VALUES (?, 1, date '2026-02-01', 99000000000)`, [customer.id]);
    expect((await admin.call('GET', '/api/customers?sort=revenue:desc&limit=1')).body.rows[0]).toMatchObject({ id: customer.id, revenue: 99000000000 });
    // Moved to another customer, then deleted for good: both customers' sums follow.
    const [other] = (await db.raw(`SELECT id FROM customers WHERE deleted_at IS NULL ORDER BY id LIMIT 1`)).rows;
    await db.raw(`UPDATE contracts SET customer_id = ? WHERE customer_id = ? AND value = 99000000000`, [other.id, customer.id]);
    expect((await admin.call('GET', '/api/customers?sort=revenue:desc&limit=1')).body.rows[0].id).toBe(other.id);
    await db.raw(`DELETE FROM contracts WHERE value = 99000000000`);
    expect((await admin.call('GET', '/api/customers?sort=revenue:desc&limit=1')).body.rows[0].id).not.toBe(other.id);
    const mismatched = await db.raw(`SELECT count(*)::int AS n FROM customers c WHERE c.revenue <> ${revenueSql}`);
    expect(mismatched.rows[0].n).toBe(0);

    const deep = (sort: string) => admin.call('GET', `/api/customers?sort=${sort}&offset=1200&limit=60`);
    await deep('typeName:asc');
    await deep('groups:asc');
    await db.raw(`UPDATE customer_types SET name = 'Ă cuối cùng' WHERE name = 'Đại lý'`);
    await db.raw(`DELETE FROM customer_group_members WHERE customer_id IN (SELECT id FROM customers ORDER BY id LIMIT 300)`);
    // Anchors from before the change may be served while fresh ones are computed: the pages converge.
    await expect.poll(async () => (await deep('typeName:asc')).body.rows.map((row: { id: number }) => row.id))
      .toEqual(await naiveIds(`${typeName('asc')}, c.name asc, c.id asc`, 1200, 60));
    await expect.poll(async () => (await deep('groups:asc')).body.rows.map((row: { id: number }) => row.id))
      .toEqual(await naiveIds(`${groups('asc')}, c.name asc, c.id asc`, 1200, 60));
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
