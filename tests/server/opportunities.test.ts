import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/apiClient';
import { useCompanyApp } from '../support/companyApp';
import { parseLiveEvent } from '../../server/live/liveEvent';

const t = useCompanyApp();
let customerA: { id: number };
let products: { id: number; code: string; name: string }[];

function body(overrides: Record<string, unknown> = {}) {
  return { name: 'Cung cấp máy lọc nước', expectedDate: '2026-06-30', ownerId: t.staffA.userId, stage: 'initial', customerId: customerA.id, ...overrides };
}

async function create(client: ApiClient, overrides: Record<string, unknown> = {}) {
  const response = await client.call('POST', '/api/opportunities', body(overrides));
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

async function shareWith(owner: ApiClient, customerId: number, userId: number, infoTypes: string[]) {
  const response = await owner.call('POST', '/api/customers/share', { customerIds: [customerId], userIds: [userId], infoTypes, mode: 'add' });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
}

beforeAll(async () => {
  customerA = (await t.staffA.call('POST', '/api/customers', { name: 'Công ty TNHH Hòa Bình' })).body;
  products = [];
  for (const [code, name, price] of [['HH001', 'Máy lọc nước RO', 4_500_000], ['HH002', 'Lõi lọc thay thế', 350_000]] as const) {
    const response = await t.admin.call('POST', '/api/products', { code, name, price });
    expect(response.status).toBe(201);
    products.push(response.body);
  }
});

describe('POST /api/opportunities', () => {
  it('creates with every field, a server number, product lines with amounts and a total', async () => {
    const created = await create(t.staffA, {
      source: 'Website', type: 'Khách hàng mới', status: 'Đang xử lý', probability: 40, expectedRevenue: 12_500_000, startDate: '2026-05-01',
      products: [{ productId: products[0].id, quantity: 2, price: 4_500_000 }, { productId: products[1].id, quantity: 1.5, price: 350_000 }],
    });
    expect(created.number).toMatch(/^CH\d{6,}$/);
    expect(created).toMatchObject({
      name: 'Cung cấp máy lọc nước', customerId: customerA.id, customerName: 'Công ty TNHH Hòa Bình', ownerId: t.staffA.userId, ownerName: 'Nguyễn Văn An',
      stage: 'initial', source: 'Website', type: 'Khách hàng mới', status: 'Đang xử lý', probability: 40, expectedRevenue: 12_500_000,
      expectedDate: '2026-06-30', startDate: '2026-05-01', lostReason: null, lostAt: null, total: 9_525_000, version: 1, editable: true,
      createdById: t.staffA.userId, createdByName: 'Nguyễn Văn An',
    });
    expect(created.products).toEqual([
      expect.objectContaining({ productId: products[0].id, productCode: 'HH001', productName: 'Máy lọc nước RO', quantity: 2, price: 4_500_000, amount: 9_000_000 }),
      expect.objectContaining({ productId: products[1].id, productCode: 'HH002', productName: 'Lõi lọc thay thế', quantity: 1.5, price: 350_000, amount: 525_000 }),
    ]);
    const again = await t.staffA.call('GET', `/api/opportunities/${created.id}`);
    expect(again.body).toEqual(created);
    const audit = await t.db('audit_log').where({ entity: 'opportunity', action: 'create' }).whereRaw('? = ANY(entity_ids)', [created.id]).first();
    expect(audit.user_id).toBe(t.staffA.userId);
  });

  it.each(['name', 'expectedDate', 'ownerId', 'stage', 'customerId'])('names the missing required field %s', async (field) => {
    const payload: Record<string, unknown> = body();
    delete payload[field];
    const response = await t.staffA.call('POST', '/api/opportunities', payload);
    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe(field);
  });

  it('names the first missing field in form order when several are missing', async () => {
    expect((await t.staffA.call('POST', '/api/opportunities', {})).body.error.field).toBe('name');
    const { expectedDate: _e, customerId: _c, stage: _s, ...rest } = body();
    expect((await t.staffA.call('POST', '/api/opportunities', rest)).body.error.field).toBe('expectedDate');
    const response = await t.staffA.call('POST', '/api/opportunities', { name: 'X', ownerId: t.staffA.userId, expectedDate: '2026-01-01' });
    expect(response.body.error.field).toBe('stage');
  });

  it('refuses bad values, naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ probability: 101 }, 'probability'], [{ probability: -1 }, 'probability'], [{ expectedRevenue: -5 }, 'expectedRevenue'],
      [{ name: '   ' }, 'name'], [{ name: 'x'.repeat(256) }, 'name'], [{ expectedDate: '30/06/2026' }, 'expectedDate'],
      [{ stage: 'following' }, 'stage'], [{ products: [{ productId: products[0].id, quantity: 0, price: 1 }] }, 'products.0.quantity'],
      [{ products: [{ productId: 999999, quantity: 1, price: 1 }] }, 'products'], [{ source: 's'.repeat(256) }, 'source'],
    ];
    for (const [overrides, field] of cases) {
      const response = await t.staffA.call('POST', '/api/opportunities', body(overrides));
      expect(response.status, JSON.stringify(overrides)).toBe(400);
      expect(response.body.error.field, JSON.stringify(overrides)).toBe(field);
    }
  });

  it('gives 20 concurrent creates 20 different numbers', async () => {
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => t.staffA.call('POST', '/api/opportunities', body({ name: `Đồng thời ${i}` }))));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    const numbers = responses.map((r) => r.body.number);
    expect(new Set(numbers).size).toBe(20);
    for (const number of numbers) expect(number).toMatch(/^CH\d{6,}$/);
  });

  it('needs a customer the caller may edit and an owner they may assign', async () => {
    // Staff B cannot see A's customer: it does not exist for them.
    const hidden = await t.staffB.call('POST', '/api/opportunities', body({ ownerId: t.staffB.userId }));
    expect(hidden.status).toBe(400);
    expect(hidden.body.error.field).toBe('customerId');
    const shared = (await t.staffA.call('POST', '/api/customers', { name: 'Công ty chia sẻ cho B' })).body;
    await shareWith(t.staffA, shared.id, t.staffB.userId, ['general', 'opportunities']);
    const readOnly = await t.staffB.call('POST', '/api/opportunities', body({ customerId: shared.id, ownerId: t.staffB.userId }));
    expect(readOnly.status).toBe(403);
    const otherOwner = await t.staffA.call('POST', '/api/opportunities', body({ ownerId: t.staffB.userId }));
    expect(otherOwner.status).toBe(400);
    expect(otherOwner.body.error.field).toBe('ownerId');
    // A manager assigns anyone of their subtree, not outside it.
    expect((await t.northManager.call('POST', '/api/opportunities', body({ ownerId: t.staffB.userId }))).status).toBe(201);
    const outside = await t.northManager.call('POST', '/api/opportunities', body({ ownerId: t.staffC.userId }));
    expect(outside.body.error?.field).toBe('ownerId');
  });
});

describe('PATCH /api/opportunities/:id', () => {
  it('a stale edit’s 409 names who made the current version and when, and the reload says the same', async () => {
    const created = await create(t.staffA);
    expect(created.updatedByName).toBe('Nguyễn Văn An');
    // Staff A's manager (or an admin) changes it; A's edit from the old version is refused.
    const byAdmin = await t.admin.call('PATCH', `/api/opportunities/${created.id}`, { version: created.version, probability: 70 });
    expect(byAdmin.status, JSON.stringify(byAdmin.body)).toBe(200);
    const adminName = byAdmin.body.updatedByName as string;
    expect(adminName).toBeTruthy();
    expect(adminName).not.toBe('Nguyễn Văn An');
    const stale = await t.staffA.call('PATCH', `/api/opportunities/${created.id}`, { version: created.version, name: 'Cũ' });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'VERSION_CONFLICT' });
    expect(stale.body.error.message).toBe(`${adminName} changed this opportunity at ${byAdmin.body.updatedAt}; reload it and try again`);
    const current = (await t.staffA.call('GET', `/api/opportunities/${created.id}`)).body;
    expect(current).toMatchObject({ probability: 70, version: byAdmin.body.version, updatedByName: adminName, updatedAt: byAdmin.body.updatedAt });
    // Delete and restore make new versions too.
    expect((await t.admin.call('DELETE', `/api/opportunities/${created.id}`)).status).toBe(200);
    expect((await t.staffA.call('POST', `/api/opportunities/${created.id}/restore`)).body.updatedByName).toBe('Nguyễn Văn An');
  });

  it('edits with the version and refuses a stale one with 409', async () => {
    const created = await create(t.staffA, { products: [{ productId: products[0].id, quantity: 1, price: 100 }] });
    const first = await t.staffA.call('PATCH', `/api/opportunities/${created.id}`, { version: 1, stage: 'negotiation', probability: 60, products: [] });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ stage: 'negotiation', probability: 60, version: 2, total: 0, products: [], number: created.number });
    const stale = await t.staffA.call('PATCH', `/api/opportunities/${created.id}`, { version: 1, name: 'Cũ' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    expect((await t.staffA.call('PATCH', `/api/opportunities/${created.id}`, { name: 'Không phiên bản' })).body.error.field).toBe('version');
    const number = await t.staffA.call('PATCH', `/api/opportunities/${created.id}`, { version: 2, number: 'CH999999' });
    expect(number.status).toBe(200);
    expect(number.body.number).toBe(created.number);
    const audit = await t.db('audit_log').where({ entity: 'opportunity', action: 'update' }).whereRaw('? = ANY(entity_ids)', [created.id]).orderBy('id');
    expect(audit[0].detail.fields).toEqual(['stage', 'probability', 'products']);
  });
});

describe('lost reasons on opportunities', () => {
  it('needs a reason of the list when lost, sets lostAt, clears both when it leaves lost', async () => {
    const missing = await t.staffA.call('POST', '/api/opportunities', body({ stage: 'lost' }));
    expect(missing.status).toBe(400);
    expect(missing.body.error.field).toBe('lostReason');
    const unknown = await t.staffA.call('POST', '/api/opportunities', body({ stage: 'lost', lostReason: 'Trời mưa' }));
    expect(unknown.body.error.field).toBe('lostReason');
    const before = Date.now();
    const lost = await create(t.staffA, { stage: 'lost', lostReason: 'Đối thủ cạnh tranh' });
    expect(lost.lostReason).toBe('Đối thủ cạnh tranh');
    expect(Date.parse(lost.lostAt)).toBeGreaterThanOrEqual(before - 5000);
    // An edit that keeps it lost keeps its day; another reason must be of the list too.
    const renamed = await t.staffA.call('PATCH', `/api/opportunities/${lost.id}`, { version: 1, name: 'Đổi tên' });
    expect(renamed.body).toMatchObject({ lostReason: 'Đối thủ cạnh tranh', lostAt: lost.lostAt });
    expect((await t.staffA.call('PATCH', `/api/opportunities/${lost.id}`, { version: 2, lostReason: null })).body.error.field).toBe('lostReason');
    const won = await t.staffA.call('PATCH', `/api/opportunities/${lost.id}`, { version: 2, stage: 'won' });
    expect(won.body).toMatchObject({ stage: 'won', lostReason: null, lostAt: null });
    const initial = await create(t.staffA);
    const marked = await t.staffA.call('PATCH', `/api/opportunities/${initial.id}`, { version: 1, stage: 'lost' });
    expect(marked.body.error.field).toBe('lostReason');
    const withReason = await t.staffA.call('PATCH', `/api/opportunities/${initial.id}`, { version: 1, stage: 'lost', lostReason: 'giá cao' });
    expect(withReason.body).toMatchObject({ stage: 'lost', lostReason: 'Giá cao' });
    expect(withReason.body.lostAt).not.toBeNull();
  });

  it('keeps a deleted reason on the opportunities lost for it, refuses it for new ones', async () => {
    const reason = (await t.admin.call('POST', '/api/lost-reasons', { name: 'Hết ngân sách' })).body;
    const lost = await create(t.staffA, { stage: 'lost', lostReason: 'Hết ngân sách' });
    expect((await t.admin.call('DELETE', `/api/lost-reasons/${reason.id}`)).status).toBe(200);
    const kept = await t.staffA.call('PATCH', `/api/opportunities/${lost.id}`, { version: 1, name: 'Vẫn thất bại', lostReason: 'Hết ngân sách' });
    expect(kept.status).toBe(200);
    expect(kept.body.lostReason).toBe('Hết ngân sách');
    expect((await t.staffA.call('POST', '/api/opportunities', body({ stage: 'lost', lostReason: 'Hết ngân sách' }))).body.error.field).toBe('lostReason');
  });
});

describe('recycle bin', () => {
  it('deletes to the recycle bin and restores', async () => {
    const created = await create(t.staffA);
    expect((await t.staffA.call('DELETE', `/api/opportunities/${created.id}`)).status).toBe(200);
    expect((await t.staffA.call('GET', `/api/opportunities/${created.id}`)).status).toBe(404);
    expect((await t.staffA.call('PATCH', `/api/opportunities/${created.id}`, { version: 2, name: 'x' })).status).toBe(404);
    const list = await t.staffA.call('GET', `/api/opportunities?customerId=${customerA.id}&limit=1000`);
    expect(list.body.rows.map((row: { id: number }) => row.id)).not.toContain(created.id);
    const bin = await t.staffA.call('GET', '/api/recycle-bin/opportunities');
    expect(bin.body.rows.find((row: { id: number }) => row.id === created.id)).toMatchObject({ deletedByName: 'Nguyễn Văn An' });
    expect((await t.staffB.call('GET', '/api/recycle-bin/opportunities')).body.rows.map((row: { id: number }) => row.id)).not.toContain(created.id);
    expect((await t.staffB.call('POST', `/api/opportunities/${created.id}/restore`)).status).toBe(404);
    const restored = await t.staffA.call('POST', `/api/opportunities/${created.id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body.version).toBe(3);
    expect((await t.staffA.call('GET', `/api/opportunities/${created.id}`)).status).toBe(200);
    expect((await t.staffA.call('POST', `/api/opportunities/${created.id}/restore`)).status).toBe(404);
    const actions = await t.db('audit_log').where({ entity: 'opportunity' }).whereRaw('? = ANY(entity_ids)', [created.id]).orderBy('id').pluck('action');
    expect(actions).toEqual(['create', 'delete', 'restore']);
  });
});

describe('access', () => {
  let mine: { id: number };
  let sharedCustomer: { id: number };
  let onShared: { id: number };
  beforeAll(async () => {
    mine = await create(t.staffA);
    sharedCustomer = (await t.staffA.call('POST', '/api/customers', { name: 'Công ty đọc chung' })).body;
    onShared = await create(t.staffA, { customerId: sharedCustomer.id });
    await shareWith(t.staffA, sharedCustomer.id, t.staffB.userId, ['general', 'opportunities']);
  });

  it('another staff member does not see it: 404 everywhere', async () => {
    expect((await t.staffB.call('GET', `/api/opportunities/${mine.id}`)).status).toBe(404);
    expect((await t.staffB.call('PATCH', `/api/opportunities/${mine.id}`, { version: 1, name: 'x' })).status).toBe(404);
    expect((await t.staffB.call('DELETE', `/api/opportunities/${mine.id}`)).status).toBe(404);
    expect((await t.staffC.call('GET', `/api/opportunities/${mine.id}`)).status).toBe(404);
  });

  it('a shared reader sees it read-only: 403 on edit and delete', async () => {
    const seen = await t.staffB.call('GET', `/api/opportunities/${onShared.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.editable).toBe(false);
    expect((await t.staffB.call('PATCH', `/api/opportunities/${onShared.id}`, { version: 1, name: 'x' })).status).toBe(403);
    expect((await t.staffB.call('DELETE', `/api/opportunities/${onShared.id}`)).status).toBe(403);
  });

  it('managers above edit; a manager of another branch does not see it', async () => {
    const north = await t.northManager.call('PATCH', `/api/opportunities/${mine.id}`, { version: 1, status: 'Quản lý sửa' });
    expect(north.status).toBe(200);
    expect(north.body.editable).toBe(true);
    expect((await t.salesManager.call('PATCH', `/api/opportunities/${mine.id}`, { version: 2, status: 'Quản lý cấp trên' })).status).toBe(200);
    const southCustomer = (await t.staffC.call('POST', '/api/customers', { name: 'Công ty miền Nam' })).body;
    const south = await create(t.staffC, { customerId: southCustomer.id, ownerId: t.staffC.userId });
    expect((await t.northManager.call('GET', `/api/opportunities/${south.id}`)).status).toBe(404);
    expect((await t.salesManager.call('DELETE', `/api/opportunities/${south.id}`)).status).toBe(200);
    expect((await t.admin.call('POST', `/api/opportunities/${south.id}/restore`)).status).toBe(200);
  });

  it('its own owner edits it while they can open the customer', async () => {
    // The manager gives B an opportunity on A's customer; B reads the customer through a share.
    const customer = (await t.staffA.call('POST', '/api/customers', { name: 'Công ty giao cho B' })).body;
    const given = await create(t.northManager, { customerId: customer.id, ownerId: t.staffB.userId });
    expect((await t.staffB.call('GET', `/api/opportunities/${given.id}`)).status).toBe(404);
    await shareWith(t.staffA, customer.id, t.staffB.userId, ['general']);
    const edited = await t.staffB.call('PATCH', `/api/opportunities/${given.id}`, { version: 1, stage: 'interested' });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    // Moving it to someone else is not B's to decide.
    expect((await t.staffB.call('PATCH', `/api/opportunities/${given.id}`, { version: 2, ownerId: t.staffA.userId })).body.error.field).toBe('ownerId');
  });
});

describe('live updates', () => {
  it('announces the opportunities topic once per write, on commit', async () => {
    type Listener = { query: (sql: string) => Promise<unknown>; on: (event: 'notification', handler: (message: { channel: string; payload?: string }) => void) => void };
    const connection = (await t.db.client.acquireConnection()) as Listener;
    const topics: string[] = [];
    connection.on('notification', (message) => { if (message.channel === 'crm_live') topics.push(parseLiveEvent(message.payload)?.topic ?? 'unknown'); });
    try {
      await connection.query('LISTEN crm_live');
      const created = await create(t.staffA, { products: [{ productId: products[0].id, quantity: 1, price: 10 }] });
      await t.staffA.call('PATCH', `/api/opportunities/${created.id}`, { version: 1, stage: 'won' });
      await t.db.transaction(async (trx) => {
        await trx('opportunities').where({ id: created.id }).update({ name: 'Rolled back' });
        throw new Error('rollback');
      }).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(topics.filter((topic) => topic === 'opportunities')).toHaveLength(2);
    } finally {
      await connection.query('UNLISTEN crm_live');
      await t.db.client.releaseConnection(connection);
    }
  });
});
