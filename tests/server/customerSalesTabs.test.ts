import { beforeAll, describe, expect, it } from 'vitest';
import { infoTypes } from '../../shared/schemas/enums';
import type { ApiClient } from '../support/apiClient';
import { useCompanyApp } from '../support/companyApp';

const t = useCompanyApp();
let customer: { id: number };
let opportunityId: number;

/** The opportunity ids a user gets for the customer, and whether GET :id answers. */
async function seenBy(client: ApiClient) {
  const list = await client.call('GET', `/api/opportunities?customerId=${customer.id}`);
  expect(list.status, JSON.stringify(list.body)).toBe(200);
  const one = await client.call('GET', `/api/opportunities/${opportunityId}`);
  return { ids: list.body.rows.map((row: { id: number }) => row.id), total: list.body.total, status: one.status };
}

async function infoTypesOf(client: ApiClient) {
  const response = await client.call('GET', `/api/customers/${customer.id}`);
  return response.status === 200 ? response.body.infoTypes : response.status;
}

async function share(userId: number, types: string[]) {
  await t.db('customer_shares').where({ customer_id: customer.id, user_id: userId, source: 'share' }).delete();
  await t.db('customer_shares').insert({ customer_id: customer.id, user_id: userId, source: 'share', info_types: types });
}

beforeAll(async () => {
  customer = (await t.staffA.call('POST', '/api/customers', { name: 'Công ty Cổ phần Sao Mai' })).body;
  // One of the five reasons every new database starts with (migration 0024).
  const reason = await t.db('lost_reasons').where({ name: 'Giá cao' }).whereNull('deleted_at').first('id');
  const [row] = await t.db('opportunities').insert({
    name: 'Cung cấp máy lọc nước', customer_id: customer.id, owner_id: t.staffA.userId, stage: 'negotiation', status: 'Đang xử lý',
    probability: 50, expected_revenue: 125_000_000, expected_date: '2026-04-30', start_date: '2026-03-01', created_by: t.staffA.userId,
  }, ['id']);
  opportunityId = row.id;
  await t.db('opportunities').insert({
    name: 'Trang bị văn phòng', customer_id: customer.id, owner_id: t.staffA.userId, stage: 'lost', lost_reason_id: reason.id,
    expected_date: '2026-02-15', created_by: t.staffA.userId,
  });
  expect((await t.staffA.call('POST', '/api/contracts', { customerId: customer.id, date: '2026-03-12', value: 11_000_000 })).status).toBe(201);
  expect((await t.staffA.call('POST', '/api/contracts', { customerId: customer.id, date: '2026-03-20', value: 1_234_567 })).status).toBe(201);
  expect((await t.staffA.call('POST', '/api/payments', { customerId: customer.id, date: '2026-03-13', amount: 5_000_000 })).status).toBe(201);
});

describe('GET /api/opportunities', () => {
  it('answers rows with the S1 fields: calendar days, VND numbers, the lost reason by name', async () => {
    const list = await t.staffA.call('GET', `/api/opportunities?customerId=${customer.id}`);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(2);
    const [lost, open] = list.body.rows;
    expect(open).toEqual({
      id: opportunityId, number: expect.stringMatching(/^CH\d{6}$/), name: 'Cung cấp máy lọc nước', customerId: customer.id,
      customerName: 'Công ty Cổ phần Sao Mai', ownerId: t.staffA.userId, ownerName: 'Nguyễn Văn An', stage: 'negotiation',
      status: 'Đang xử lý', probability: 50, expectedRevenue: 125_000_000, expectedDate: '2026-04-30', startDate: '2026-03-01',
      lostReason: null, version: 1, createdAt: expect.any(String), updatedAt: expect.any(String),
      // Issue 14's fields: free texts, the lost day, the lines' total, the creator, the caller's edit right.
      source: null, type: null, lostAt: null, total: 0, createdById: t.staffA.userId, createdByName: 'Nguyễn Văn An', editable: true,
    });
    expect(lost).toMatchObject({ stage: 'lost', lostReason: 'Giá cao', expectedRevenue: null, startDate: null, probability: null });
    expect((await t.staffA.call('GET', `/api/opportunities/${opportunityId}`)).body).toEqual({ ...open, updatedByName: null, products: [] });
  });

  it('filters by stage (following = interested + negotiation + pending approval), owner and paging', async () => {
    const ids = async (query: string) => (await t.staffA.call('GET', `/api/opportunities?customerId=${customer.id}&${query}`)).body.rows.map((row: { stage: string }) => row.stage);
    expect(await ids('stage=lost')).toEqual(['lost']);
    expect(await ids('stage=following')).toEqual(['negotiation']);
    expect(await ids('stage=won')).toEqual([]);
    expect(await ids(`ownerId=${t.staffA.userId}`)).toEqual(['lost', 'negotiation']);
    expect(await ids(`ownerId=${t.staffB.userId}`)).toEqual([]);
    const page = await t.staffA.call('GET', `/api/opportunities?customerId=${customer.id}&offset=1&limit=1`);
    expect(page.body).toMatchObject({ total: 2, rows: [{ id: opportunityId }] });
  });

  it('owner, managers above and admins see it; staff elsewhere do not (404 on :id, absent from lists)', async () => {
    for (const client of [t.staffA, t.northManager, t.salesManager, t.admin]) {
      expect(await seenBy(client)).toEqual({ ids: [expect.any(Number), opportunityId], total: 2, status: 200 });
    }
    for (const client of [t.staffB, t.staffC]) {
      expect(await seenBy(client)).toEqual({ ids: [], total: 0, status: 404 });
      expect((await client.call('GET', '/api/opportunities')).body.total).toBe(0);
    }
    expect(await infoTypesOf(t.staffA)).toEqual([...infoTypes]);
    expect(await infoTypesOf(t.northManager)).toEqual([...infoTypes]);
    expect(await infoTypesOf(t.admin)).toEqual([...infoTypes]);
    expect(await infoTypesOf(t.staffC)).toBe(404);
  });

  it('a share reveals opportunities only when it includes that info type', async () => {
    await share(t.staffB.userId, ['general', 'opportunities']);
    await share(t.staffC.userId, ['general', 'contracts']);
    expect(await seenBy(t.staffB)).toEqual({ ids: [expect.any(Number), opportunityId], total: 2, status: 200 });
    expect(await seenBy(t.staffC)).toEqual({ ids: [], total: 0, status: 404 });
    expect(await infoTypesOf(t.staffB)).toEqual(['general', 'opportunities']);
    expect(await infoTypesOf(t.staffC)).toEqual(['general', 'contracts']);
    // Revenue and paid follow the contracts info type.
    const forC = (await t.staffC.call('GET', `/api/customers/${customer.id}`)).body;
    expect(forC).toMatchObject({ access: 'read', revenue: 12_234_567, paid: 5_000_000 });
    expect((await t.staffB.call('GET', `/api/customers/${customer.id}`)).body).toMatchObject({ revenue: null, paid: null });
    expect((await t.staffC.call('GET', `/api/contracts?customerId=${customer.id}`)).body.total).toBe(2);
    expect((await t.staffC.call('GET', `/api/payments?customerId=${customer.id}`)).body.total).toBe(1);
    expect((await t.staffB.call('GET', `/api/payments?customerId=${customer.id}`)).body.total).toBe(0);
  });

  it('record_shares reveal that one opportunity; its own owner sees it while they can open the customer', async () => {
    await t.db('record_shares').insert({ record_type: 'opportunity', record_id: opportunityId, user_id: t.staffC.userId });
    expect(await seenBy(t.staffC)).toEqual({ ids: [opportunityId], total: 1, status: 200 });
    expect(await infoTypesOf(t.staffC)).toEqual(['general', 'contracts']);
    // A record share of another kind with the same id reveals nothing.
    await t.db('record_shares').where({ record_type: 'opportunity', record_id: opportunityId, user_id: t.staffC.userId }).update({ record_type: 'quote' });
    expect(await seenBy(t.staffC)).toEqual({ ids: [], total: 0, status: 404 });

    const [own] = await t.db('opportunities').insert({
      name: 'Cơ hội của Cường', customer_id: customer.id, owner_id: t.staffC.userId, stage: 'initial', expected_date: '2026-05-01',
    }, ['id']);
    expect((await t.staffC.call('GET', `/api/opportunities/${own.id}`)).status).toBe(200);
    await t.db('customer_shares').where({ customer_id: customer.id, user_id: t.staffC.userId }).delete();
    expect((await t.staffC.call('GET', `/api/opportunities/${own.id}`)).status).toBe(404);
    expect((await t.staffC.call('GET', `/api/opportunities?ownerId=${t.staffC.userId}`)).body.total).toBe(0);
    await t.db('opportunities').where({ id: own.id }).delete();
  });

  it('a transfer sharing old opportunities reveals those that existed then, until it is undone', async () => {
    const moved = (await t.staffA.call('POST', '/api/customers', { name: 'Công ty Chuyển Cơ Hội' })).body;
    const insert = async (name: string) => (await t.db('opportunities').insert({
      name, customer_id: moved.id, owner_id: t.staffA.userId, stage: 'initial', expected_date: '2026-05-01', created_by: t.staffA.userId,
    }, ['id']))[0].id as number;
    const old = await insert('Cơ hội trước khi chuyển');
    const transfer = async (body: Record<string, unknown>) => (await t.admin.call('POST', '/api/customers/transfer-owner', { customerIds: [moved.id], ...body })).body.batchId;
    const batchId = await transfer({ userIds: [t.staffC.userId], shareOldOpportunities: true });
    const later = await insert('Cơ hội sau khi chuyển');
    await transfer({ userIds: [t.staffB.userId] });
    const list = async () => (await t.staffC.call('GET', `/api/opportunities?customerId=${moved.id}`)).body.rows.map((row: { id: number }) => row.id);
    expect(await list()).toEqual([old]);
    expect((await t.staffC.call('GET', `/api/opportunities/${old}`)).status).toBe(200);
    expect((await t.staffC.call('GET', `/api/opportunities/${later}`)).status).toBe(404);
    expect((await t.staffC.call('GET', `/api/customers/${moved.id}`)).status).toBe(404);

    expect((await t.admin.call('POST', `/api/transfer-batches/${batchId}/undo`)).status).toBe(200);
    expect(await list()).toEqual([]);
    expect((await t.staffC.call('GET', `/api/opportunities/${old}`)).status).toBe(404);
  });

  it('deleted opportunities and opportunities of deleted customers are 404', async () => {
    const [gone] = await t.db('opportunities').insert({
      name: 'Đã xóa', customer_id: customer.id, owner_id: t.staffA.userId, stage: 'initial', expected_date: '2026-05-01', deleted_at: t.db.fn.now(),
    }, ['id']);
    expect((await t.admin.call('GET', `/api/opportunities/${gone.id}`)).status).toBe(404);
    expect((await t.admin.call('GET', `/api/opportunities?customerId=${customer.id}`)).body.total).toBe(2);
    const other = (await t.staffA.call('POST', '/api/customers', { name: 'Khách sẽ xóa' })).body;
    const [orphan] = await t.db('opportunities').insert({
      name: 'Khách đã xóa', customer_id: other.id, owner_id: t.staffA.userId, stage: 'initial', expected_date: '2026-05-01',
    }, ['id']);
    expect((await t.staffA.call('GET', `/api/opportunities/${orphan.id}`)).status).toBe(200);
    expect((await t.staffA.call('DELETE', `/api/customers/${other.id}`)).status).toBe(200);
    expect((await t.staffA.call('GET', `/api/opportunities/${orphan.id}`)).status).toBe(404);
    expect((await t.admin.call('GET', `/api/opportunities/${orphan.id}`)).status).toBe(404);
  });

  it('refuses hostile query parameters with 400 naming the field', async () => {
    for (const query of [
      'customerId=abc', 'customerId=0', 'customerId=-1', 'customerId=1.5', 'customerId=99999999999999999999', `customerId=1&customerId=2`,
      'ownerId=%27%20OR%201%3D1--', 'stage=bogus', 'stage=', 'limit=100000', 'limit=0', 'offset=-1', 'offset=1e12', 'limit=abc',
    ]) {
      const response = await t.staffA.call('GET', `/api/opportunities?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.error.code, query).toBe('VALIDATION_ERROR');
      expect(response.body.error.field, query).toBe(query.split('=')[0]);
    }
    for (const id of ['abc', '0', '-1', '1e400', '9007199254740992']) {
      expect((await t.staffA.call('GET', `/api/opportunities/${id}`)).status, id).toBe(400);
    }
    expect((await t.staffA.call('GET', '/api/opportunities/999999')).status).toBe(404);
    expect((await t.staffA.call('GET', '/api/opportunities?limit=1000')).status).toBe(200);
  });

  it('is in the OpenAPI document', async () => {
    const paths = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths;
    expect(Object.keys(paths)).toEqual(expect.arrayContaining(['/api/opportunities', '/api/opportunities/{id}']));
  });

  it('needs a signed-in user', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/opportunities' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: `/api/opportunities/${opportunityId}` })).statusCode).toBe(401);
  });
});

describe('Customer.infoTypes', () => {
  it('lists nothing for a pool customer, and only what a share includes', async () => {
    const pooled = (await t.staffA.call('POST', '/api/customers', { name: 'Khách hàng chung Bình Minh' })).body;
    await t.db('customers').where({ id: pooled.id }).update({ in_pool: true, owner_id: null, previous_owner_id: t.staffA.userId });
    const forC = await t.staffC.call('GET', `/api/customers/${pooled.id}`);
    expect(forC.body).toMatchObject({ access: 'pool', infoTypes: [], revenue: null, paid: null });
    const listed = await t.staffC.call('GET', `/api/customers?inPool=true`);
    expect(listed.body.rows.find((row: { id: number }) => row.id === pooled.id)).toMatchObject({ infoTypes: [] });
    expect((await t.admin.call('GET', `/api/customers/${pooled.id}`)).body.infoTypes).toEqual([...infoTypes]);
    await share(t.staffC.userId, ['contacts']);
    expect(await infoTypesOf(t.staffC)).toEqual(['contacts']);
  });
});
