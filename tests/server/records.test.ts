import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/app';
import type { Db } from '../../server/db/database';
import { createCompany, signIn, signInAdmin, type ApiClient } from '../support/apiClient';
import { createTestApp } from '../support/testServer';

let app: App;
let db: Db;
let close: () => Promise<void>;
let admin: ApiClient;
let staffA: ApiClient;
let staffB: ApiClient;
let northManager: ApiClient;
let customer: { id: number };

beforeAll(async () => {
  ({ app, db, close } = await createTestApp());
  admin = await signInAdmin(app);
  const company = await createCompany(admin);
  [staffA, staffB, northManager] = await Promise.all(['nhanvien.a', 'nhanvien.b', 'quanlybac'].map((u) => signIn(app, u, company.password)));
  customer = (await staffA.call('POST', '/api/customers', { name: 'Khách Có Lịch Sử' })).body;
});
afterAll(() => close());

describe('contacts', () => {
  it('CRUD by the owner, invisible to other staff, recycle bin on delete', async () => {
    const created = await staffA.call('POST', '/api/contacts', { customerId: customer.id, lastName: 'Nguyễn Văn', firstName: 'Hùng', email: 'hung@example.vn' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ customerId: customer.id, lastName: 'Nguyễn Văn', firstName: 'Hùng', version: 1 });
    const id = created.body.id;
    expect((await staffB.call('GET', `/api/contacts/${id}`)).status).toBe(404);
    expect((await staffB.call('GET', `/api/contacts?customerId=${customer.id}`)).body.total).toBe(0);
    expect((await staffB.call('POST', '/api/contacts', { customerId: customer.id, firstName: 'X' })).status).toBe(400);
    expect((await northManager.call('GET', `/api/contacts/${id}`)).status).toBe(200);
    expect((await staffA.call('PATCH', `/api/contacts/${id}`, { version: 1, phone: '0912345678' })).body.version).toBe(2);
    expect((await staffA.call('PATCH', `/api/contacts/${id}`, { version: 1, phone: '0900000000' })).status).toBe(409);
    const lastWriteWins = await staffA.call('PATCH', `/api/contacts/${id}`, { position: 'Giám đốc' });
    expect(lastWriteWins.status).toBe(200);
    expect(lastWriteWins.body.version).toBe(3);
    expect((await staffA.call('DELETE', `/api/contacts/${id}`)).status).toBe(200);
    expect((await staffA.call('GET', `/api/contacts/${id}`)).status).toBe(404);
    expect((await db('contacts').where({ id }).first('deleted_at')).deleted_at).not.toBeNull();
    expect((await staffB.call('POST', `/api/contacts/${id}/restore`)).status).toBe(404);
    const restored = await staffA.call('POST', `/api/contacts/${id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body.firstName).toBe('Hùng');
    expect((await staffA.call('POST', `/api/contacts/${id}/restore`)).status).toBe(404);
  });
});

describe('activities and documents', () => {
  it('creates an activity as a calendar day and keeps it private to owner and managers', async () => {
    const created = await staffA.call('POST', '/api/activities', { customerId: customer.id, subject: 'Gọi điện chào hàng', type: 'call', status: 'not_started', date: '2026-03-09' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ date: '2026-03-09', ownerId: staffA.userId, status: 'not_started', customerName: 'Khách Có Lịch Sử' });
    const id = created.body.id;
    expect((await staffB.call('GET', `/api/activities/${id}`)).status).toBe(404);
    expect((await staffB.call('PATCH', `/api/activities/${id}`, { version: 1, status: 'done' })).status).toBe(404);
    expect((await staffB.call('GET', `/api/activities?customerId=${customer.id}`)).body.total).toBe(0);
    expect((await northManager.call('GET', `/api/activities/${id}`)).status).toBe(200);
    const done = await staffA.call('PATCH', `/api/activities/${id}`, { version: 1, status: 'done' });
    expect(done.body.status).toBe('done');
    expect((await staffA.call('POST', '/api/activities', { customerId: customer.id, subject: 'X', type: 'call', status: 'later', date: '2026-03-09' })).body.error.field).toBe('status');
    const ownKind = await staffA.call('POST', '/api/activities', { customerId: customer.id, subject: 'Nhắn Zalo', type: 'Zalo', status: 'done', date: '2026-03-09' });
    expect(ownKind.body.type).toBe('Zalo');
    expect((await staffA.call('POST', '/api/activities', { customerId: customer.id, subject: 'X', type: 'call', status: 'done', date: '09/03/2026' })).body.error.field).toBe('date');
  });

  it('a share that includes activities reveals them read-only; one without does not', async () => {
    const activity = (await staffA.call('POST', '/api/activities', { customerId: customer.id, subject: 'Họp', type: 'meeting', status: 'done', date: '2026-03-10' })).body;
    await db('customer_shares').insert({ customer_id: customer.id, user_id: staffB.userId, source: 'share', info_types: ['general'] });
    expect((await staffB.call('GET', `/api/customers/${customer.id}`)).body.access).toBe('read');
    expect((await staffB.call('GET', `/api/activities/${activity.id}`)).status).toBe(404);
    await db('customer_shares').where({ customer_id: customer.id, user_id: staffB.userId }).update({ info_types: ['general', 'activities'] });
    expect((await staffB.call('GET', `/api/activities/${activity.id}`)).status).toBe(200);
    expect((await staffB.call('PATCH', `/api/activities/${activity.id}`, { version: 1, status: 'in_progress' })).status).toBe(403);
    expect((await staffB.call('POST', '/api/activities', { customerId: customer.id, subject: 'Chen', type: 'call', status: 'done', date: '2026-03-10' })).status).toBe(403);
  });

  it('quotes carry product lines; contracts, orders and payments have numbers', async () => {
    const product = (await admin.call('POST', '/api/products', { code: 'HH001', name: 'Máy lọc nước', price: 5_500_000 })).body;
    expect((await staffA.call('POST', '/api/products', { code: 'HH002', name: 'X', price: 1 })).status).toBe(403);
    const quote = await staffA.call('POST', '/api/quotes', { customerId: customer.id, date: '2026-03-11', value: 11_000_000, lines: [{ productId: product.id, quantity: 2, price: 5_500_000 }] });
    expect(quote.status).toBe(201);
    expect(quote.body.number).toMatch(/^BG\d{6}$/);
    expect(quote.body.lines).toEqual([{ productId: product.id, quantity: 2, price: 5_500_000, discountPercent: 0 }]);
    const contract = await staffA.call('POST', '/api/contracts', { customerId: customer.id, date: '2026-03-12', value: 11_000_000 });
    expect(contract.body.number).toMatch(/^HD\d{6}$/);
    const order = await staffA.call('POST', '/api/orders', { customerId: customer.id, date: '2026-03-12', value: 11_000_000, contractId: contract.body.id });
    expect(order.body).toMatchObject({ contractId: contract.body.id, status: 'open' });
    const payment = await staffA.call('POST', '/api/payments', { customerId: customer.id, date: '2026-03-13', amount: 5_000_000, contractId: contract.body.id });
    expect(payment.body).toMatchObject({ amount: 5_000_000, method: 'cash' });
    expect((await staffA.call('POST', '/api/payments', { customerId: customer.id, date: '2026-03-13', amount: 0 })).status).toBe(400);
    const other = (await staffA.call('POST', '/api/customers', { name: 'Khách Khác' })).body;
    const foreign = await staffA.call('POST', '/api/payments', { customerId: other.id, date: '2026-03-13', amount: 1, contractId: contract.body.id });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.field).toBe('contractId');
    expect((await staffA.call('POST', '/api/quotes', { customerId: customer.id, date: '2026-03-11', value: 1, lines: [{ productId: 999999, quantity: 1, price: 1 }] })).status).toBe(400);
    for (const path of ['quotes', 'contracts', 'orders', 'payments']) {
      expect((await staffB.call('GET', `/api/${path}?customerId=${customer.id}`)).body.total, path).toBe(0);
      expect((await staffA.call('GET', `/api/${path}?customerId=${customer.id}`)).body.total, path).toBe(1);
    }
  });

  it('stores per-user preferences privately', async () => {
    expect((await staffA.call('PUT', '/api/preferences/customerGrid.columnState', { value: [{ colId: 'name', width: 240 }] })).status).toBe(200);
    expect((await staffA.call('GET', '/api/preferences/customerGrid.columnState')).body.value).toEqual([{ colId: 'name', width: 240 }]);
    expect((await staffB.call('GET', '/api/preferences/customerGrid.columnState')).status).toBe(404);
  });
});
