import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/apiClient';
import { useCompanyApp } from '../support/companyApp';
import { todayInVietnam } from '../../shared/format';

const t = useCompanyApp();
const ids: Record<string, number> = {};
const numbers: Record<string, string> = {};
let hoaBinh: { id: number };
let minhLong: { id: number };

async function create(client: ApiClient, key: string, payload: Record<string, unknown>) {
  const response = await client.call('POST', '/api/opportunities', { ownerId: client.userId, ...payload });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  ids[key] = response.body.id;
  numbers[key] = response.body.number;
}

/** The fixture keys the admin's search answers, in the answer's order. */
async function found(query: string, client: ApiClient = t.admin): Promise<string[]> {
  const response = await client.call('GET', `/api/opportunities?${query}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  const keyOf = new Map(Object.entries(ids).map(([key, id]) => [id, key]));
  const keys = response.body.rows.map((row: { id: number }) => keyOf.get(row.id));
  expect(response.body.total).toBeGreaterThanOrEqual(keys.length);
  return keys;
}
const sorted = async (query: string, client?: ApiClient) => (await found(query, client)).sort();

beforeAll(async () => {
  hoaBinh = (await t.staffA.call('POST', '/api/customers', { name: 'Công ty Hòa Bình' })).body;
  minhLong = (await t.staffA.call('POST', '/api/customers', { name: 'Tập đoàn Minh Long' })).body;
  await create(t.staffA, 'o1', { name: 'Hợp đồng bảo trì máy lạnh', stage: 'interested', startDate: '2026-03-01', expectedDate: '2026-03-31', customerId: hoaBinh.id });
  await create(t.northManager, 'o2', {
    name: 'Nâng cấp phần mềm', stage: 'negotiation', startDate: '2026-03-31', expectedDate: '2026-04-01', customerId: minhLong.id, ownerId: t.staffB.userId,
  });
  await create(t.staffA, 'o3', { name: 'Cung cấp HỢP ĐỒNG giấy in', stage: 'pending_approval', expectedDate: '2026-04-30', customerId: minhLong.id });
  await create(t.staffA, 'o4', { name: 'Máy lọc nước 100% chính hãng', stage: 'won', startDate: '2026-02-28', expectedDate: '2026-03-01', customerId: hoaBinh.id });
  await create(t.staffA, 'o5', { name: 'Thiết bị văn phòng', stage: 'lost', lostReason: 'Khác', expectedDate: '2026-05-01', customerId: hoaBinh.id });
  await create(t.staffA, 'o6', { name: 'Dự án khởi đầu', stage: 'initial', expectedDate: '2026-03-15', customerId: minhLong.id });
});

describe('GET /api/opportunities search (S2)', () => {
  it('answers all, newest first, with the total', async () => {
    expect(await found('')).toEqual(['o6', 'o5', 'o4', 'o3', 'o2', 'o1']);
    const page = await t.admin.call('GET', '/api/opportunities?offset=2&limit=2');
    expect(page.body.total).toBe(6);
    expect(page.body.rows.map((row: { id: number }) => row.id)).toEqual([ids.o4, ids.o3]);
  });

  it('by number, whole or in part, any case', async () => {
    expect(await found(`number=${numbers.o3}`)).toEqual(['o3']);
    expect(await found(`number=${numbers.o3.toLowerCase()}`)).toEqual(['o3']);
    expect((await found('number=ch0')).length).toBe(6);
    expect(await found('number=CH9')).toEqual([]);
  });

  it('by name ignoring diacritics and case', async () => {
    for (const text of ['hop dong', 'HỢP ĐỒNG', 'Hợp đồng', 'hợp dong']) expect(await sorted(`name=${encodeURIComponent(text)}`)).toEqual(['o1', 'o3']);
    expect(await sorted(`name=${encodeURIComponent('may')}`)).toEqual(['o1', 'o4']);
    expect(await sorted(`name=${encodeURIComponent('  khởi đầu ')}`)).toEqual(['o6']);
    // LIKE wildcards are plain text.
    expect(await found(`name=${encodeURIComponent('100%')}`)).toEqual(['o4']);
    expect(await found(`name=${encodeURIComponent('%')}`)).toEqual(['o4']);
    expect(await found(`name=${encodeURIComponent('_')}`)).toEqual([]);
  });

  it('by customer name, customerId, creator and owner', async () => {
    expect(await sorted(`customer=${encodeURIComponent('minh long')}`)).toEqual(['o2', 'o3', 'o6']);
    expect(await sorted(`customer=${encodeURIComponent('TẬP ĐOÀN')}`)).toEqual(['o2', 'o3', 'o6']);
    expect(await sorted(`customer=${encodeURIComponent('hoa binh')}`)).toEqual(['o1', 'o4', 'o5']);
    expect(await sorted(`customerId=${minhLong.id}`)).toEqual(['o2', 'o3', 'o6']);
    expect(await found(`creatorId=${t.northManager.userId}`)).toEqual(['o2']);
    expect(await sorted(`creatorId=${t.staffA.userId}`)).toEqual(['o1', 'o3', 'o4', 'o5', 'o6']);
    expect(await found(`ownerId=${t.staffB.userId}`)).toEqual(['o2']);
  });

  it('by stage, following = interested + negotiation + pending approval', async () => {
    expect(await sorted('stage=following')).toEqual(['o1', 'o2', 'o3']);
    expect(await found('stage=won')).toEqual(['o4']);
    expect(await found('stage=initial')).toEqual(['o6']);
    expect((await t.admin.call('GET', '/api/opportunities?stage=nope')).status).toBe(400);
  });

  it('by start and expected ranges, both ends inclusive', async () => {
    expect(await sorted('startFrom=2026-03-01&startTo=2026-03-31')).toEqual(['o1', 'o2']);
    expect(await sorted('startFrom=2026-03-02&startTo=2026-03-30')).toEqual([]);
    expect(await sorted('startTo=2026-02-28')).toEqual(['o4']);
    expect(await sorted('startFrom=2026-03-31')).toEqual(['o2']);
    expect(await sorted('expectedFrom=2026-03-01&expectedTo=2026-04-01')).toEqual(['o1', 'o2', 'o4', 'o6']);
    expect(await sorted('expectedFrom=2026-04-01')).toEqual(['o2', 'o3', 'o5']);
    expect(await sorted('expectedTo=2026-03-01')).toEqual(['o4']);
    expect((await t.admin.call('GET', '/api/opportunities?expectedFrom=01/03/2026')).body.error.field).toBe('expectedFrom');
  });

  it('combines filters', async () => {
    expect(await found(`stage=following&customer=${encodeURIComponent('hòa bình')}`)).toEqual(['o1']);
    expect(await found(`name=may&expectedFrom=2026-03-02`)).toEqual(['o1']);
  });

  it('by the lost reason and the day it was lost (the chart drill-down)', async () => {
    const today = todayInVietnam();
    expect(await found(`lostReason=${encodeURIComponent('Khác')}`)).toEqual(['o5']);
    expect(await found(`lostFrom=${today}&lostTo=${today}`)).toEqual(['o5']);
    expect(await found(`lostTo=2026-01-01`)).toEqual(today > '2026-01-01' ? [] : ['o5']);
    expect(await found(`lostReason=${encodeURIComponent('Giá cao')}`)).toEqual([]);
  });

  it('sorts by a column, ties by id', async () => {
    expect(await found('sort=expectedDate:asc')).toEqual(['o4', 'o6', 'o1', 'o2', 'o3', 'o5']);
    expect(await found('sort=expectedDate:desc')).toEqual(['o5', 'o3', 'o2', 'o1', 'o6', 'o4']);
    expect(await found('sort=stage:asc')).toEqual(['o6', 'o1', 'o2', 'o3', 'o4', 'o5']);
    // Empty start dates last either way.
    expect((await found('sort=startDate:desc')).slice(0, 3)).toEqual(['o2', 'o1', 'o4']);
    expect(await found('sort=customerName:asc,expectedDate:asc')).toEqual(['o4', 'o1', 'o5', 'o6', 'o2', 'o3']);
    expect((await t.admin.call('GET', '/api/opportunities?sort=version:asc')).status).toBe(400);
  });

  it('finds only what the caller may see', async () => {
    expect(await found('', t.staffC)).toEqual([]);
    expect(await found('name=may', t.staffB)).toEqual([]);
    expect((await sorted('stage=following', t.northManager))).toEqual(['o1', 'o2', 'o3']);
  });
});
