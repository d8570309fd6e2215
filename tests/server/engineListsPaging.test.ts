import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/apiClient';
import { useCompanyApp } from '../support/companyApp';

/*
 * The recycle bins, contacts and products page through the list engine (anchors every 100 rows):
 * every page must be what a plain ORDER BY … OFFSET over the same rows answers, deep pages and
 * ties included, for admins and for a staff member who sees only what access allows.
 */
const t = useCompanyApp();

/** A list as the API serves it and as plain SQL states it (`from` joins, `where` filter and access, `order` with the id last). */
type PlainList = { url: string; id: string; from: string; where: string; order: string };

async function plainIds(list: PlainList, offset: number, limit: number): Promise<number[]> {
  const { rows } = await t.db.raw(`SELECT ${list.id} AS id FROM ${list.from} WHERE ${list.where} ORDER BY ${list.order} OFFSET ? LIMIT ?`, [offset, limit]);
  return rows.map((row: { id: number | string }) => Number(row.id));
}

async function plainTotal(list: PlainList): Promise<number> {
  const { rows } = await t.db.raw(`SELECT count(*) AS n FROM ${list.from} WHERE ${list.where}`);
  return Number(rows[0].n);
}

async function pageIds(client: ApiClient, list: PlainList, offset: number, limit: number, total: number): Promise<number[]> {
  const page = await client.call('GET', `${list.url}${list.url.includes('?') ? '&' : '?'}offset=${offset}&limit=${limit}`);
  expect(page.status, JSON.stringify(page.body)).toBe(200);
  expect(page.body.total, `${list.url} total`).toBe(total);
  return page.body.rows.map((row: { id: number }) => row.id);
}

/**
 * Blocks of 100 at every multiple of 100 (the grid's requests) and odd offsets across anchors.
 * `eventually`: right after a write, anchors a few writes old may be served while fresh ones are built.
 */
async function expectPlainPages(client: ApiClient, list: PlainList, minimumTotal: number, eventually = false): Promise<void> {
  const total = await plainTotal(list);
  expect(total, `${list.url} fixture`).toBeGreaterThanOrEqual(minimumTotal);
  const requests: [number, number][] = [];
  for (let offset = 0; offset <= total; offset += 100) requests.push([offset, 100]);
  for (const offset of [1, 99, 101, 157, 250, 299, total - 60, total - 1]) if (offset >= 0) requests.push([offset, 60]);
  for (const [offset, limit] of requests) {
    const expected = await plainIds(list, offset, limit);
    const label = `${list.url} @${offset}+${limit}`;
    if (eventually) await expect.poll(() => pageIds(client, list, offset, limit, total), { timeout: 5000 }).toEqual(expected);
    else expect(await pageIds(client, list, offset, limit, total), label).toEqual(expected);
  }
}

let a: number;
const owns = () => `c.owner_id = ${a}`;
const sharedWithA = (infoType?: string) =>
  `EXISTS (SELECT 1 FROM customer_shares s WHERE s.customer_id = c.id AND s.user_id = ${a}${infoType ? ` AND '${infoType}' = ANY(s.info_types)` : ''})`;
const readable = () => `(${owns()} OR ${sharedWithA()} OR (c.in_pool AND c.deleted_at IS NULL))`;
const infoVisible = (infoType: string) => `(${owns()} OR ${sharedWithA(infoType)})`;
/** recordVisible and ownedRecordEditable for staff A (no record shares, no transfer batches here). */
const opportunityRestorable = () => `(${infoVisible('opportunities')} OR (r.owner_id = ${a} AND ${readable()})) AND (${owns()} OR (r.owner_id = ${a} AND ${readable()}))`;

const customerBin = (): PlainList => ({ url: '/api/recycle-bin/customers', id: 'c.id', from: 'customers c', where: 'c.deleted_at IS NOT NULL', order: 'c.deleted_at desc, c.id desc' });
const opportunityBin = (): PlainList => ({
  url: '/api/recycle-bin/opportunities', id: 'r.id', from: 'opportunities r JOIN customers c ON c.id = r.customer_id',
  where: 'r.deleted_at IS NOT NULL AND c.deleted_at IS NULL', order: 'r.deleted_at desc, r.id desc',
});
const contacts = (customerId?: number): PlainList => ({
  url: `/api/contacts${customerId ? `?customerId=${customerId}` : ''}`, id: 'k.id', from: 'contacts k JOIN customers c ON c.id = k.customer_id',
  where: `k.deleted_at IS NULL AND c.deleted_at IS NULL${customerId ? ` AND k.customer_id = ${customerId}` : ''}`, order: 'k.first_name, k.last_name, k.id',
});
const products = (search?: string): PlainList => ({
  url: `/api/products${search ? `?search=${encodeURIComponent(search)}` : ''}`, id: 'p.id', from: 'products p',
  where: `p.deleted_at IS NULL${search ? ` AND crm_search_text(p.code || ' ' || p.name) LIKE '%' || crm_search_text('${search}') || '%'` : ''}`,
  order: 'p.code, p.id',
});
/** The same rows narrowed to what staff A may see (staff: no subtree, no department shares here). */
const forA = (list: PlainList, access: string): PlainList => ({ ...list, where: `${list.where} AND ${access}` });

let bigCustomerId: number;

beforeAll(async () => {
  a = t.staffA.userId;
  const [b, c, admin] = [t.staffB.userId, t.staffC.userId, t.admin.userId];
  // Live customers of A, of B (some shared with A: with or without contacts and opportunities), and in the pool.
  await t.db.raw(`
    INSERT INTO customers (name, owner_id, in_pool)
      SELECT 'Khách ' || i, CASE i % 3 WHEN 0 THEN ${a}::bigint WHEN 1 THEN ${b}::bigint END, i % 3 = 2 FROM generate_series(1, 90) AS i;
    INSERT INTO customer_shares (customer_id, user_id, source, info_types)
      SELECT id, ${a}, 'share', CASE WHEN id % 2 = 0 THEN ARRAY['general', 'contacts', 'opportunities'] ELSE ARRAY['general'] END
        FROM customers WHERE owner_id = ${b} AND id % 3 <> 0;
    -- Deleted customers with equal deletion times: the id breaks the tie.
    INSERT INTO customers (name, owner_id, deleted_at, deleted_by)
      SELECT 'Đã xóa ' || i, (ARRAY[${a}, ${b}, ${a}, ${c}]::bigint[])[1 + i % 4],
             timestamptz '2026-03-01 08:00+07' + (i % 40) * interval '1 hour' + interval '1 microsecond', ${admin}
        FROM generate_series(1, 700) AS i;`);
  await t.db.raw(`
    CREATE TEMP TABLE live AS SELECT array_agg(id ORDER BY id) AS ids FROM customers WHERE name LIKE 'Khách %';
    CREATE TEMP TABLE gone AS SELECT array_agg(id ORDER BY id) AS ids FROM customers WHERE name LIKE 'Đã xóa %' AND owner_id = ${a};
    INSERT INTO opportunities (name, customer_id, owner_id, stage, expected_date, deleted_at, deleted_by)
      SELECT 'Cơ hội ' || i, live.ids[1 + (i * 7) % 90], (ARRAY[${a}, ${b}]::bigint[])[1 + i % 2], 'initial', date '2026-04-01',
             CASE WHEN i % 10 <> 0 THEN timestamptz '2026-03-01 08:00+07' + (i % 30) * interval '1 hour' END, ${admin}
        FROM generate_series(1, 1000) AS i, live;
    -- On deleted customers: never in the opportunity bin.
    INSERT INTO opportunities (name, customer_id, owner_id, stage, expected_date, deleted_at)
      SELECT 'Cơ hội cũ ' || i, gone.ids[1 + i % 50], ${a}, 'initial', date '2026-04-01', now() FROM generate_series(1, 40) AS i, gone;
    INSERT INTO contacts (customer_id, first_name, last_name, deleted_at)
      SELECT live.ids[1 + (i * 7) % 90], (ARRAY['An', 'Ân', 'Anh', 'Bình', 'Đức', 'Ánh'])[1 + i % 6], (ARRAY['Nguyễn Văn', 'Trần', '', 'Lê Thị'])[1 + i % 4],
             CASE WHEN i % 25 = 0 THEN now() END
        FROM generate_series(1, 1000) AS i, live
      UNION ALL
      SELECT gone.ids[1 + i % 50], 'An', 'Cũ', NULL FROM generate_series(1, 40) AS i, gone;
    INSERT INTO products (code, name, price, deleted_at)
      SELECT CASE WHEN i % 2 = 0 THEN 'sp' ELSE 'SP' END || '-' || i, (ARRAY['Bút bi', 'Giấy in', 'Bút chì', 'Mực in'])[1 + i % 4] || ' ' || i, 1000,
             CASE WHEN i % 20 = 0 THEN now() END
        FROM generate_series(1, 450) AS i;`);
  // One customer of A with several blocks of contacts, for the customer's own list.
  bigCustomerId = Number((await t.db.raw(`SELECT id FROM customers WHERE owner_id = ? AND deleted_at IS NULL ORDER BY id LIMIT 1`, [a])).rows[0].id);
  await t.db.raw(`INSERT INTO contacts (customer_id, first_name, last_name) SELECT ?, (ARRAY['Hà', 'Hải', 'Hạnh'])[1 + i % 3], 'Phạm' FROM generate_series(1, 330) AS i`, [bigCustomerId]);
});

describe('lists on the engine page like a plain OFFSET query', () => {
  it('customer recycle bin: admins see every deleted customer, staff only those they could restore', async () => {
    await expectPlainPages(t.admin, customerBin(), 700);
    await expectPlainPages(t.staffA, forA(customerBin(), owns()), 350);
    expect((await t.staffA.call('GET', '/api/recycle-bin/customers?limit=1000')).body.rows.map((row: { ownerName: string }) => row.ownerName))
      .toEqual(Array(350).fill('Nguyễn Văn An'));
  });

  it('opportunity recycle bin: deleted opportunities of live customers the caller could restore', async () => {
    await expectPlainPages(t.admin, opportunityBin(), 900);
    await expectPlainPages(t.staffA, forA(opportunityBin(), opportunityRestorable()), 250);
  });

  it('contacts: all visible ones and one customer’s, by first name, last name, id', async () => {
    await expectPlainPages(t.admin, contacts(), 1000);
    await expectPlainPages(t.staffA, forA(contacts(), infoVisible('contacts')), 300);
    await expectPlainPages(t.staffA, contacts(bigCustomerId), 330);
    // Staff B sees none of A's customer's contacts.
    expect((await t.staffB.call('GET', `/api/contacts?customerId=${bigCustomerId}`)).body).toEqual({ rows: [], total: 0 });
  });

  it('products: the whole catalogue by code, and a search', async () => {
    await expectPlainPages(t.staffA, products(), 400);
    await expectPlainPages(t.staffB, products('but'), 200);
  });

  it('follows each write that changes a list: totals at once, pages right after', async () => {
    // Each list is checked right after a write to one of its tables only, so a missing version sequence shows.
    const victim = Number((await t.db.raw(`SELECT id FROM customers WHERE owner_id = ? AND deleted_at IS NULL AND id <> ? ORDER BY id LIMIT 1`, [a, bigCustomerId])).rows[0].id);
    expect((await t.staffA.call('DELETE', `/api/customers/${victim}`)).status).toBe(200);
    expect((await t.staffA.call('GET', '/api/recycle-bin/customers?limit=1')).body.rows[0].id).toBe(victim);
    await expectPlainPages(t.staffA, forA(customerBin(), owns()), 351, true);
    // The deleted customer's contacts and opportunities leave A's lists; so do those of a share taken back.
    await t.db.raw(`DELETE FROM customer_shares WHERE user_id = ? AND customer_id IN (SELECT id FROM customers WHERE id % 4 = 0)`, [a]);
    await expectPlainPages(t.staffA, forA(opportunityBin(), opportunityRestorable()), 200, true);
    await expectPlainPages(t.staffA, forA(contacts(), infoVisible('contacts')), 250, true);

    await t.db.raw(`UPDATE opportunities SET deleted_at = now(), deleted_by = ? WHERE id IN (SELECT id FROM opportunities WHERE deleted_at IS NULL ORDER BY id LIMIT 3)`, [a]);
    await expectPlainPages(t.admin, opportunityBin(), 850, true);
    await t.db.raw(`INSERT INTO contacts (customer_id, first_name, last_name) SELECT ?, 'Ân', 'Mới' FROM generate_series(1, 3)`, [bigCustomerId]);
    await expectPlainPages(t.staffA, forA(contacts(), infoVisible('contacts')), 250, true);
    await expectPlainPages(t.staffB, products(), 400);
    expect((await t.admin.call('POST', '/api/products', { code: 'AA-1', name: 'Bút mới', price: 5000 })).status).toBe(201);
    await expectPlainPages(t.staffB, products(), 400, true);
    expect((await t.staffB.call('GET', '/api/products?limit=1')).body.rows[0].code).toBe('AA-1');
  });
});
