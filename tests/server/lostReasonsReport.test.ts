import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/apiClient';
import { useCompanyApp } from '../support/companyApp';
import { percentages } from '../../server/features/reports/percentages';

const t = useCompanyApp();
let customerA: { id: number };
let customerC: { id: number };
let product: { id: number };

async function create(client: ApiClient, payload: Record<string, unknown>): Promise<{ id: number }> {
  const response = await client.call('POST', '/api/opportunities', { name: 'Cơ hội', expectedDate: '2026-06-30', ownerId: client.userId, ...payload });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

/** Marks an opportunity lost at a given instant (the API stamps now; the report's day boundaries need others). */
async function lostAt(id: number, reason: string, at: string) {
  const { id: reasonId } = await t.db('lost_reasons').where({ name: reason }).whereNull('deleted_at').first('id');
  await t.db('opportunities').where({ id }).update({ stage: 'lost', lost_reason_id: reasonId, lost_at: at });
}

beforeAll(async () => {
  customerA = (await t.staffA.call('POST', '/api/customers', { name: 'Công ty Ánh Dương' })).body;
  customerC = (await t.staffC.call('POST', '/api/customers', { name: 'Công ty Phương Nam' })).body;
  product = (await t.admin.call('POST', '/api/products', { code: 'HH-LOC', name: 'Máy lọc không khí', price: 2_000_000 })).body;
});

describe('lost reasons list', () => {
  it('starts with the five reasons of SPEC, counting their lost opportunities', async () => {
    const list = await t.staffA.call('GET', '/api/lost-reasons');
    expect(list.status).toBe(200);
    expect(list.body.map((reason: { name: string }) => reason.name).sort()).toEqual(
      ['Giá cao', 'Đối thủ cạnh tranh', 'Không có nhu cầu', 'Không liên lạc được', 'Khác'].sort(),
    );
    expect(list.body.every((reason: { opportunityCount: number }) => reason.opportunityCount === 0)).toBe(true);
  });

  it('managers and admins maintain it; staff read it', async () => {
    expect((await t.staffA.call('POST', '/api/lost-reasons', { name: 'Chậm tiến độ' })).status).toBe(403);
    const created = await t.northManager.call('POST', '/api/lost-reasons', { name: 'Chậm tiến độ' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Chậm tiến độ', opportunityCount: 0 });
    const duplicate = await t.admin.call('POST', '/api/lost-reasons', { name: 'chậm tiến độ' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.field).toBe('name');
    expect((await t.admin.call('POST', '/api/lost-reasons', { name: '  ' })).body.error.field).toBe('name');
    expect((await t.admin.call('POST', '/api/lost-reasons', { name: 'x'.repeat(101) })).body.error.field).toBe('name');
    expect((await t.staffA.call('PATCH', `/api/lost-reasons/${created.body.id}`, { name: 'Trễ hạn' })).status).toBe(403);
    expect((await t.staffA.call('DELETE', `/api/lost-reasons/${created.body.id}`)).status).toBe(403);
    expect((await t.admin.call('PATCH', '/api/lost-reasons/999999', { name: 'Không có' })).status).toBe(404);
  });

  it('a rename follows onto its opportunities; a delete keeps it on them and takes it off the list', async () => {
    const reason = (await t.admin.call('POST', '/api/lost-reasons', { name: 'Sai thời điểm' })).body;
    const lost = await create(t.staffA, { customerId: customerA.id, stage: 'lost', lostReason: 'Sai thời điểm' });
    expect((await t.admin.call('GET', '/api/lost-reasons')).body.find((r: { id: number }) => r.id === reason.id).opportunityCount).toBe(1);
    const renamed = await t.salesManager.call('PATCH', `/api/lost-reasons/${reason.id}`, { name: 'Chưa đúng thời điểm' });
    expect(renamed.body).toMatchObject({ name: 'Chưa đúng thời điểm', opportunityCount: 1 });
    expect((await t.staffA.call('GET', `/api/opportunities/${lost.id}`)).body.lostReason).toBe('Chưa đúng thời điểm');
    expect((await t.salesManager.call('DELETE', `/api/lost-reasons/${reason.id}`)).status).toBe(200);
    expect((await t.admin.call('GET', '/api/lost-reasons')).body.map((r: { id: number }) => r.id)).not.toContain(reason.id);
    expect((await t.staffA.call('GET', `/api/opportunities/${lost.id}`)).body.lostReason).toBe('Chưa đúng thời điểm');
    // The name is free again for a new reason.
    expect((await t.admin.call('POST', '/api/lost-reasons', { name: 'Chưa đúng thời điểm' })).status).toBe(201);
    await t.db('opportunities').where({ id: lost.id }).update({ deleted_at: t.db.fn.now() });
  });
});

describe('GET /api/reports/lost-opportunities', () => {
  beforeAll(async () => {
    const mine = await Promise.all(Array.from({ length: 7 }, () => create(t.staffA, { customerId: customerA.id, stage: 'negotiation' })));
    // Vietnam days: 00:00 on 1 Mar 2026 is 17:00 UTC on 28 Feb.
    await lostAt(mine[0].id, 'Giá cao', '2026-02-28T16:59:59Z'); // 28 Feb in Vietnam: outside March
    await lostAt(mine[1].id, 'Giá cao', '2026-02-28T17:00:00Z'); // 1 Mar 00:00 in Vietnam
    await lostAt(mine[2].id, 'Giá cao', '2026-03-15T05:00:00Z');
    await lostAt(mine[3].id, 'Đối thủ cạnh tranh', '2026-03-31T16:59:59Z'); // 31 Mar 23:59:59 in Vietnam
    await lostAt(mine[4].id, 'Khác', '2026-03-31T17:00:00Z'); // 1 Apr in Vietnam: outside March
    await lostAt(mine[5].id, 'Không có nhu cầu', '2026-03-10T03:00:00Z');
    await t.db('opportunities').where({ id: mine[6].id }).update({ stage: 'lost', lost_at: '2026-03-20T03:00:00Z' }); // legacy: no reason
    const deleted = await create(t.staffA, { customerId: customerA.id, stage: 'initial' });
    await lostAt(deleted.id, 'Giá cao', '2026-03-11T03:00:00Z');
    await t.staffA.call('DELETE', `/api/opportunities/${deleted.id}`);
    const south = await create(t.staffC, { customerId: customerC.id, stage: 'initial' });
    await lostAt(south.id, 'Khác', '2026-03-12T03:00:00Z');
  });

  it('counts by reason in the Vietnamese days of the range, percent to one decimal summing to 100', async () => {
    const report = await t.admin.call('GET', '/api/reports/lost-opportunities?from=2026-03-01&to=2026-03-31');
    expect(report.status).toBe(200);
    expect(report.body).toEqual([
      // Most frequent first, then by name in Vietnamese order (Đ after D), a missing reason last.
      { reason: 'Giá cao', count: 2, percent: 33.3 },
      { reason: 'Đối thủ cạnh tranh', count: 1, percent: 16.7 },
      { reason: 'Khác', count: 1, percent: 16.7 },
      { reason: 'Không có nhu cầu', count: 1, percent: 16.7 },
      { reason: 'Không rõ lý do', count: 1, percent: 16.6 },
    ]);
    expect(report.body.reduce((sum: number, row: { percent: number }) => sum + row.percent, 0)).toBeCloseTo(100, 6);
    const oneDay = await t.admin.call('GET', '/api/reports/lost-opportunities?from=2026-03-01&to=2026-03-01');
    expect(oneDay.body).toEqual([{ reason: 'Giá cao', count: 1, percent: 100 }]);
    expect((await t.admin.call('GET', '/api/reports/lost-opportunities?from=2025-01-01&to=2025-01-31')).body).toEqual([]);
  });

  it('counts only what the caller may see', async () => {
    const staffA = (await t.staffA.call('GET', '/api/reports/lost-opportunities?from=2026-03-01&to=2026-03-31')).body;
    expect(staffA.reduce((sum: number, row: { count: number }) => sum + row.count, 0)).toBe(5);
    expect(staffA.find((row: { reason: string }) => row.reason === 'Khác')).toBeUndefined();
    expect((await t.staffC.call('GET', '/api/reports/lost-opportunities?from=2026-03-01&to=2026-03-31')).body).toEqual([{ reason: 'Khác', count: 1, percent: 100 }]);
    expect((await t.staffB.call('GET', '/api/reports/lost-opportunities?from=2026-03-01&to=2026-03-31')).body).toEqual([]);
    const north = (await t.northManager.call('GET', '/api/reports/lost-opportunities?from=2026-03-01&to=2026-03-31')).body;
    expect(north.reduce((sum: number, row: { count: number }) => sum + row.count, 0)).toBe(5);
  });

  it('validates the range', async () => {
    expect((await t.admin.call('GET', '/api/reports/lost-opportunities?from=2026-03-01')).body.error.field).toBe('to');
    expect((await t.admin.call('GET', '/api/reports/lost-opportunities?from=2026-03-31&to=2026-03-01')).body.error.field).toBe('to');
    expect((await t.admin.call('GET', '/api/reports/lost-opportunities?from=x&to=2026-03-01')).body.error.field).toBe('from');
  });
});

describe('GET /api/reports/pipeline', () => {
  it('answers every stage in order with count and expected revenue, in the expected range, visible only', async () => {
    const customer = (await t.staffB.call('POST', '/api/customers', { name: 'Công ty Đông Bắc' })).body;
    await create(t.staffB, { customerId: customer.id, stage: 'interested', expectedRevenue: 10_000_000, expectedDate: '2027-01-01' });
    await create(t.staffB, { customerId: customer.id, stage: 'interested', expectedRevenue: 5_500_000, expectedDate: '2027-01-31' });
    await create(t.staffB, { customerId: customer.id, stage: 'won', expectedDate: '2027-01-15' });
    await create(t.staffB, { customerId: customer.id, stage: 'won', expectedRevenue: 1_000_000, expectedDate: '2027-02-01' });
    const report = await t.staffB.call('GET', '/api/reports/pipeline?from=2027-01-01&to=2027-01-31');
    expect(report.status).toBe(200);
    expect(report.body).toEqual([
      { stage: 'initial', count: 0, expectedRevenue: 0 },
      { stage: 'interested', count: 2, expectedRevenue: 15_500_000 },
      { stage: 'negotiation', count: 0, expectedRevenue: 0 },
      { stage: 'pending_approval', count: 0, expectedRevenue: 0 },
      { stage: 'won', count: 1, expectedRevenue: 0 },
      { stage: 'lost', count: 0, expectedRevenue: 0 },
    ]);
    const all = (await t.staffB.call('GET', '/api/reports/pipeline')).body;
    expect(all.find((row: { stage: string }) => row.stage === 'won')).toEqual({ stage: 'won', count: 2, expectedRevenue: 1_000_000 });
    const staffC = (await t.staffC.call('GET', '/api/reports/pipeline?from=2027-01-01&to=2027-01-31')).body;
    expect(staffC.every((row: { count: number }) => row.count === 0)).toBe(true);
  });
});

describe('GET /api/opportunities/products (S3)', () => {
  it('finds visible lines by product code or name, customer and period', async () => {
    await create(t.staffA, {
      customerId: customerA.id, stage: 'interested', startDate: '2026-08-01', expectedDate: '2026-08-31', name: 'Lắp máy lọc',
      products: [{ productId: product.id, quantity: 3, price: 1_900_000 }],
    });
    await create(t.staffC, {
      customerId: customerC.id, stage: 'interested', expectedDate: '2026-09-30', name: 'Máy cho miền Nam', products: [{ productId: product.id, quantity: 1, price: 2_000_000 }],
    });
    const mine = await t.staffA.call('GET', `/api/opportunities/products?productName=${encodeURIComponent('may loc')}`);
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual([expect.objectContaining({
      opportunityName: 'Lắp máy lọc', customerName: 'Công ty Ánh Dương', productCode: 'HH-LOC', productName: 'Máy lọc không khí',
      quantity: 3, price: 1_900_000, amount: 5_700_000, startDate: '2026-08-01', expectedDate: '2026-08-31', stage: 'interested',
    })]);
    expect(mine.body[0].opportunityNumber).toMatch(/^CH\d{6,}$/);
    expect((await t.admin.call('GET', '/api/opportunities/products?productCode=hh-loc')).body).toHaveLength(2);
    expect((await t.admin.call('GET', `/api/opportunities/products?customer=${encodeURIComponent('phuong nam')}`)).body.map((r: { customerName: string }) => r.customerName)).toEqual(['Công ty Phương Nam']);
    // The period: start (or expected when none) on/after from, expected on/before to, inclusive.
    const inAugust = (await t.admin.call('GET', '/api/opportunities/products?from=2026-08-01&to=2026-08-31')).body;
    expect(inAugust.map((r: { opportunityName: string }) => r.opportunityName)).toEqual(['Lắp máy lọc']);
    expect((await t.admin.call('GET', '/api/opportunities/products?from=2026-08-02')).body.map((r: { opportunityName: string }) => r.opportunityName)).toEqual(['Máy cho miền Nam']);
    expect((await t.admin.call('GET', '/api/opportunities/products?to=2026-08-30')).body).toEqual([]);
    expect((await t.admin.call('GET', '/api/opportunities/products?productCode=zzz')).body).toEqual([]);
    expect((await t.admin.call('GET', '/api/opportunities/products?from=bad')).status).toBe(400);
  });
});

describe('percentages', () => {
  it('adds up to exactly 100 with one decimal', () => {
    expect(percentages([1, 1, 1])).toEqual([33.4, 33.3, 33.3]);
    expect(percentages([2, 1])).toEqual([66.7, 33.3]);
    expect(percentages([])).toEqual([]);
    expect(percentages([0, 0])).toEqual([0, 0]);
    const many = percentages([7, 3, 5, 11, 13, 1]);
    expect(Math.round(many.reduce((a, b) => a + b, 0) * 10)).toBe(1000);
  });
});
