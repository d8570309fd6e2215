import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/apiClient';
import { userActor } from '../../server/access/userActor';
import { recordListSource } from '../../server/features/history/recordList';
import { activityKind, type RecordFilter } from '../../server/features/history/repository';
import { listEngineTimings, listPage, type ListSource } from '../../server/list/listEngine';
import { useCompanyApp } from '../support/companyApp';
import { expectPagesLikeOffset, plainPage, type PlainList } from '../support/pagingOracle';

const t = useCompanyApp();
const rowCount = 2700;
let staffVisible: string;

/*
 * The activity list on the list engine pages like a plain ORDER BY … OFFSET over the same rows,
 * at any offset, for every sort, for an admin and for a staff member (who sees the activities of
 * their own customers only).
 */
beforeAll(async () => {
  staffVisible = `c.owner_id = ${t.staffA.userId}`;
  // Repeated customer names (ties only the id breaks), two owners, a deleted customer and deleted activities.
  await t.db.raw(`
    INSERT INTO customers (name, owner_id, deleted_at)
    SELECT (ARRAY['Đặng','An','Ân','Nguyễn','Dương'])[1 + i % 5] || ' ' || (i % 37), CASE WHEN i % 3 = 0 THEN ?::bigint ELSE ?::bigint END,
           CASE WHEN i = 7 THEN now() END
      FROM generate_series(1, 180) AS i`, [t.staffB.userId, t.staffA.userId]);
  await t.db.raw(`
    INSERT INTO activities (customer_id, owner_id, created_by, type, subject, status, date, deleted_at)
    SELECT c.id, (ARRAY[?::bigint, ?::bigint, ?::bigint])[1 + i % 3], 1,
           (ARRAY['call','meeting','email','task','visit'])[1 + i % 5],
           (ARRAY['Gọi lại','Đặt lịch','gửi báo giá','Ân cần hỏi thăm','Chốt đơn'])[1 + i % 5] || ' ' || (i % 11),
           (ARRAY['not_started','in_progress','done'])[1 + (i / 7) % 3],
           date '2026-11-01' + (i % 61), CASE WHEN i % 97 = 0 THEN now() END
      FROM generate_series(1, ?) AS i
      JOIN LATERAL (SELECT id FROM customers ORDER BY id OFFSET (i % 180) LIMIT 1) AS c ON TRUE`,
  [t.staffA.userId, t.staffB.userId, t.northManager.userId, rowCount]);
});

const activities = (visible: string, filter: string, orderBy: string): PlainList => ({
  from: `FROM activities r JOIN customers c ON c.id = r.customer_id JOIN users u ON u.id = r.owner_id
    WHERE r.deleted_at IS NULL AND c.deleted_at IS NULL AND ${visible} AND ${filter}`,
  orderBy,
});

const openFirst = `(r.status = 'done') ASC, CASE WHEN r.status <> 'done' THEN r.date END ASC, r.date DESC`;
const sorts: [string, string][] = [
  ['due:asc', `${openFirst}, r.id ASC`],
  ['due:desc', `(r.status = 'done') DESC, CASE WHEN r.status = 'done' THEN r.date END ASC, r.date DESC, r.id DESC`],
  ['date:desc', 'r.date DESC, r.id DESC'],
  ['date:asc', 'r.date ASC, r.id ASC'],
  ['customerName:asc', 'c.name ASC, r.id ASC'],
  ['customerName:desc', 'c.name DESC, r.id DESC'],
  ['ownerName:asc', 'u.full_name ASC, u.id ASC, r.id ASC'],
  ['subject:asc', 'r.subject COLLATE "vi-VN-x-icu" ASC, r.id ASC'],
  ['type:desc,date:asc', 'r.type DESC, r.date ASC, r.id DESC'],
  ['status:asc,customerName:desc', 'r.status ASC, c.name DESC, r.id ASC'],
];

function expectSamePages(client: ApiClient, visible: string, query: string, filter: string, sort: string, orderBy: string) {
  return expectPagesLikeOffset(t.db, client, `/api/activities?${query}sort=${sort}`, activities(visible, filter, orderBy));
}

describe('activity pages at any offset (list engine against plain OFFSET)', () => {
  it.each(sorts)('sort %s, as admin and as staff', async (sort, orderBy) => {
    await expectSamePages(t.admin, 'TRUE', '', 'TRUE', sort, orderBy);
    await expectSamePages(t.staffA, staffVisible, '', 'TRUE', sort, orderBy);
  });

  it('with filters: status, type, owner, date range and a search', async () => {
    await expectSamePages(t.admin, 'TRUE', 'status=done&type=call&', `r.status = 'done' AND r.type = 'call'`, 'date:desc', 'r.date DESC, r.id DESC');
    await expectSamePages(t.admin, 'TRUE', `ownerId=${t.staffB.userId}&from=2026-11-10&to=2026-12-10&`,
      `r.owner_id = ${t.staffB.userId} AND r.date BETWEEN '2026-11-10' AND '2026-12-10'`, 'customerName:asc', 'c.name ASC, r.id ASC');
    // "an" without diacritics: An, Ân and "Ân cần" in subjects; the whole match list is sorted once and sliced.
    await expectSamePages(t.staffA, staffVisible, 'search=an&', `crm_search_text(r.subject || ' ' || c.name) LIKE '%an%'`, 'due:asc', `${openFirst}, r.id ASC`);
  });

  it('counts a new activity at once and still pages exactly', async () => {
    await t.admin.call('GET', '/api/activities?sort=date:desc&offset=1000&limit=10');
    const customerId = (await t.db('customers').where({ owner_id: t.staffA.userId }).whereNull('deleted_at').first('id')).id;
    const created = await t.staffA.call('POST', '/api/activities', { customerId, subject: 'Mới thêm', status: 'not_started', date: '2026-11-20', type: 'call' });
    expect(created.status).toBe(201);
    const all = activities('TRUE', 'TRUE', 'r.date DESC, r.id DESC');
    const { total } = await plainPage(t.db, all, 0, 0);
    expect((await t.admin.call('GET', '/api/activities?sort=date:desc&offset=1000&limit=50')).body.total).toBe(total);
    // Anchors from before the insert are served while fresh ones are built in the background.
    const expected = (await plainPage(t.db, all, 1000, 50)).ids;
    await expect.poll(async () => (await t.admin.call('GET', '/api/activities?sort=date:desc&offset=1000&limit=50')).body.rows.map((row: { id: number }) => row.id))
      .toEqual(expected);
  });

  it('while anchors are still being built, pages come from a plain OFFSET, and a costly total is recounted in the background', async () => {
    const saved = { ...listEngineTimings };
    Object.assign(listEngineTimings, { anchorWaitMs: 0, costlyCountMs: 0 });
    try {
      await expectSamePages(t.staffA, staffVisible, 'type=meeting&', `r.type = 'meeting'`, 'customerName:desc', 'c.name DESC, r.id DESC');
      const customerId = (await t.db('customers').where({ owner_id: t.staffA.userId }).whereNull('deleted_at').first('id')).id;
      await t.staffA.call('POST', '/api/activities', { customerId, subject: 'Họp thêm', status: 'not_started', date: '2026-11-21', type: 'meeting' });
      const { total } = await plainPage(t.db, activities(staffVisible, `r.type = 'meeting'`, 'c.name DESC, r.id DESC'), 0, 0);
      await expect.poll(async () => (await t.staffA.call('GET', '/api/activities?type=meeting&sort=customerName:desc&limit=1')).body.total).toBe(total);
    } finally {
      Object.assign(listEngineTimings, saved);
    }
  });

  it('before its anchors are built, a block near the end is counted from the end, exactly', async () => {
    const admin = (await userActor(t.db, t.admin.userId))!;
    const byName = activities('TRUE', 'TRUE', 'c.name DESC, r.id DESC');
    const { total } = await plainPage(t.db, byName, 0, 0);
    // A list of its own for each block, so that no anchors are ready: each is a plain OFFSET from the nearer end.
    for (const offset of [total - 250, total - 160, total - 60, total - 1]) {
      const fresh = { ...recordListSource(activityKind()), name: `activities-from-end-${offset}` };
      const page = await listPage(t.db, admin, fresh, {}, { sort: 'customerName:desc', offset, limit: 100 });
      expect(page.rows.map((row) => row.id), `@${offset}`).toEqual((await plainPage(t.db, byName, offset, 100)).ids);
    }
  });

  it('a reversed order pages through the anchors of its forward one instead of numbering the list again', async () => {
    const admin = (await userActor(t.db, t.admin.userId))!;
    const source = { ...recordListSource(activityKind()), name: 'activities-turned' };
    await listPage(t.db, admin, source, {}, { sort: 'date:asc', offset: 100, limit: 1, waitForAnchors: true });
    const descending = activities('TRUE', 'TRUE', 'r.date DESC, r.id DESC');
    const { total } = await plainPage(t.db, descending, 0, 0);
    for (const offset of [100, 101, 1234, total - 160, total - 60, total - 1]) {
      const page = await listPage(t.db, admin, source, {}, { sort: 'date:desc', offset, limit: 60 });
      expect(page.rows.map((row) => row.id), `@${offset}`).toEqual((await plainPage(t.db, descending, offset, 60)).ids);
    }
    await expect.poll(async () => (await t.db('list_anchor_sets').where('key', 'like', 'activities-turned|%').pluck('key')).map((key: string) => key.split('|').pop()))
      .toEqual(['date:asc,id:asc']);
  });

  it('a search whose count outlasts its first page answers with the page and an estimated total, then the exact one', async () => {
    const admin = (await userActor(t.db, t.admin.userId))!;
    // The same list, its count held back as a big one's would be (5M activities: 1–2 s).
    const slowCount: ListSource<RecordFilter, Record<string, unknown>> = {
      ...recordListSource(activityKind()), name: 'activities-slow-count',
      countShortcut: () => new Promise((resolve) => setTimeout(() => resolve(null), 400)),
    };
    const search = activities('TRUE', `r.subject ILIKE '%báo giá%'`, `${openFirst}, r.id ASC`);
    const expected = await plainPage(t.db, search, 0, 100);
    const first = await listPage(t.db, admin, slowCount, { search: 'bao gia' }, { offset: 0, limit: 100 });
    expect(first.rows.map((row) => row.id)).toEqual(expected.ids);
    expect(first.totalEstimated).toBe(true);
    expect(first.total).toBeGreaterThan(100);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const again = await listPage(t.db, admin, slowCount, { search: 'bao gia' }, { offset: 0, limit: 100 });
    expect(again).toMatchObject({ total: expected.total });
    expect(again.totalEstimated).toBeUndefined();
    // Fewer matches than a page: the page is the whole list, so its total is exact at once.
    const few = await listPage(t.db, admin, slowCount, { search: 'bao gia 10' }, { offset: 0, limit: 100 });
    expect(few.rows.length).toBeGreaterThan(0);
    expect(few.rows.length).toBeLessThan(100);
    expect(few.totalEstimated).toBeUndefined();
    expect(few.total).toBe(few.rows.length);
  });
});
