import { beforeAll, describe, expect, it } from 'vitest';
import { useCompanyApp } from '../support/companyApp';

const t = useCompanyApp();
let customer: { id: number };

beforeAll(async () => {
  customer = (await t.staffA.call('POST', '/api/customers', { name: 'Khách Có Lịch Sử' })).body;
});

describe('contacts', () => {
  it('CRUD by the owner, invisible to other staff, recycle bin on delete', async () => {
    const created = await t.staffA.call('POST', '/api/contacts', { customerId: customer.id, lastName: 'Nguyễn Văn', firstName: 'Hùng', email: 'hung@example.vn' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ customerId: customer.id, lastName: 'Nguyễn Văn', firstName: 'Hùng', version: 1 });
    const id = created.body.id;
    expect((await t.staffB.call('GET', `/api/contacts/${id}`)).status).toBe(404);
    expect((await t.staffB.call('GET', `/api/contacts?customerId=${customer.id}`)).body.total).toBe(0);
    expect((await t.staffB.call('POST', '/api/contacts', { customerId: customer.id, firstName: 'X' })).status).toBe(400);
    expect((await t.northManager.call('GET', `/api/contacts/${id}`)).status).toBe(200);
    expect((await t.staffA.call('PATCH', `/api/contacts/${id}`, { version: 1, phone: '0912345678' })).body.version).toBe(2);
    expect((await t.staffA.call('PATCH', `/api/contacts/${id}`, { version: 1, phone: '0900000000' })).status).toBe(409);
    const lastWriteWins = await t.staffA.call('PATCH', `/api/contacts/${id}`, { position: 'Giám đốc' });
    expect(lastWriteWins.status).toBe(200);
    expect(lastWriteWins.body.version).toBe(3);
    expect((await t.staffA.call('DELETE', `/api/contacts/${id}`)).status).toBe(200);
    expect((await t.staffA.call('GET', `/api/contacts/${id}`)).status).toBe(404);
    expect((await t.db('contacts').where({ id }).first('deleted_at')).deleted_at).not.toBeNull();
    expect((await t.staffB.call('POST', `/api/contacts/${id}/restore`)).status).toBe(404);
    const restored = await t.staffA.call('POST', `/api/contacts/${id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body.firstName).toBe('Hùng');
    expect((await t.staffA.call('POST', `/api/contacts/${id}/restore`)).status).toBe(404);
  });
});

describe('activities and documents', () => {
  it('creates an activity as a calendar day and keeps it private to owner and managers', async () => {
    const created = await t.staffA.call('POST', '/api/activities', { customerId: customer.id, subject: 'Gọi điện chào hàng', type: 'call', status: 'not_started', date: '2026-03-09' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ date: '2026-03-09', ownerId: t.staffA.userId, status: 'not_started', customerName: 'Khách Có Lịch Sử' });
    const id = created.body.id;
    expect((await t.staffB.call('GET', `/api/activities/${id}`)).status).toBe(404);
    expect((await t.staffB.call('PATCH', `/api/activities/${id}`, { version: 1, status: 'done' })).status).toBe(404);
    expect((await t.staffB.call('GET', `/api/activities?customerId=${customer.id}`)).body.total).toBe(0);
    expect((await t.northManager.call('GET', `/api/activities/${id}`)).status).toBe(200);
    const done = await t.staffA.call('PATCH', `/api/activities/${id}`, { version: 1, status: 'done' });
    expect(done.body.status).toBe('done');
    expect((await t.staffA.call('POST', '/api/activities', { customerId: customer.id, subject: 'X', type: 'call', status: 'later', date: '2026-03-09' })).body.error.field).toBe('status');
    const ownKind = await t.staffA.call('POST', '/api/activities', { customerId: customer.id, subject: 'Nhắn Zalo', type: 'Zalo', status: 'done', date: '2026-03-09' });
    expect(ownKind.body.type).toBe('Zalo');
    expect((await t.staffA.call('POST', '/api/activities', { customerId: customer.id, subject: 'X', type: 'call', status: 'done', date: '09/03/2026' })).body.error.field).toBe('date');
  });

  it('a share that includes activities reveals them read-only; one without does not', async () => {
    const activity = (await t.staffA.call('POST', '/api/activities', { customerId: customer.id, subject: 'Họp', type: 'meeting', status: 'done', date: '2026-03-10' })).body;
    await t.db('customer_shares').insert({ customer_id: customer.id, user_id: t.staffB.userId, source: 'share', info_types: ['general'] });
    expect((await t.staffB.call('GET', `/api/customers/${customer.id}`)).body.access).toBe('read');
    expect((await t.staffB.call('GET', `/api/activities/${activity.id}`)).status).toBe(404);
    await t.db('customer_shares').where({ customer_id: customer.id, user_id: t.staffB.userId }).update({ info_types: ['general', 'activities'] });
    expect((await t.staffB.call('GET', `/api/activities/${activity.id}`)).status).toBe(200);
    expect((await t.staffB.call('PATCH', `/api/activities/${activity.id}`, { version: 1, status: 'in_progress' })).status).toBe(403);
    expect((await t.staffB.call('POST', '/api/activities', { customerId: customer.id, subject: 'Chen', type: 'call', status: 'done', date: '2026-03-10' })).status).toBe(403);
  });

  it('quotes carry product lines; contracts, orders and payments have numbers', async () => {
    const product = (await t.admin.call('POST', '/api/products', { code: 'HH001', name: 'Máy lọc nước', price: 5_500_000 })).body;
    expect((await t.staffA.call('POST', '/api/products', { code: 'HH002', name: 'X', price: 1 })).status).toBe(403);
    const quote = await t.staffA.call('POST', '/api/quotes', { customerId: customer.id, date: '2026-03-11', value: 11_000_000, lines: [{ productId: product.id, quantity: 2, price: 5_500_000 }] });
    expect(quote.status).toBe(201);
    expect(quote.body.number).toMatch(/^BG\d{6}$/);
    expect(quote.body.lines).toEqual([{ productId: product.id, quantity: 2, price: 5_500_000, discountPercent: 0 }]);
    const contract = await t.staffA.call('POST', '/api/contracts', { customerId: customer.id, date: '2026-03-12', value: 11_000_000 });
    expect(contract.body.number).toMatch(/^HD\d{6}$/);
    const order = await t.staffA.call('POST', '/api/orders', { customerId: customer.id, date: '2026-03-12', value: 11_000_000, contractId: contract.body.id });
    expect(order.body).toMatchObject({ contractId: contract.body.id, status: 'open' });
    const payment = await t.staffA.call('POST', '/api/payments', { customerId: customer.id, date: '2026-03-13', amount: 5_000_000, contractId: contract.body.id });
    expect(payment.body).toMatchObject({ amount: 5_000_000, method: 'cash' });
    expect((await t.staffA.call('POST', '/api/payments', { customerId: customer.id, date: '2026-03-13', amount: 0 })).status).toBe(400);
    const other = (await t.staffA.call('POST', '/api/customers', { name: 'Khách Khác' })).body;
    const foreign = await t.staffA.call('POST', '/api/payments', { customerId: other.id, date: '2026-03-13', amount: 1, contractId: contract.body.id });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.field).toBe('contractId');
    expect((await t.staffA.call('POST', '/api/quotes', { customerId: customer.id, date: '2026-03-11', value: 1, lines: [{ productId: 999999, quantity: 1, price: 1 }] })).status).toBe(400);
    for (const path of ['quotes', 'contracts', 'orders', 'payments']) {
      expect((await t.staffB.call('GET', `/api/${path}?customerId=${customer.id}`)).body.total, path).toBe(0);
      expect((await t.staffA.call('GET', `/api/${path}?customerId=${customer.id}`)).body.total, path).toBe(1);
    }
  });

  it('stores per-user preferences privately', async () => {
    expect((await t.staffA.call('PUT', '/api/preferences/customerGrid.columnState', { value: [{ colId: 'name', width: 240 }] })).status).toBe(200);
    expect((await t.staffA.call('GET', '/api/preferences/customerGrid.columnState')).body.value).toEqual([{ colId: 'name', width: 240 }]);
    expect((await t.staffB.call('GET', '/api/preferences/customerGrid.columnState')).body).toEqual({ key: 'customerGrid.columnState', value: null });
  });

  it('lists only the caller\'s notifications, newest first', async () => {
    await t.db('notifications').insert([
      { user_id: t.staffA.userId, kind: 'transfer', title: 'Cũ', created_at: t.db.raw(`now() - interval '1 hour'`) },
      { user_id: t.staffA.userId, kind: 'transfer', title: 'Mới' },
      { user_id: t.staffB.userId, kind: 'transfer', title: 'Của Bình' },
    ]);
    expect((await t.staffA.call('GET', '/api/notifications')).body.map((n: { title: string }) => n.title)).toEqual(['Mới', 'Cũ']);
    expect((await t.staffB.call('GET', '/api/notifications')).body.map((n: { title: string }) => n.title)).toEqual(['Của Bình']);
  });
});
