import { describe, expect, it } from 'vitest';
import { useCompanyApp } from '../support/companyApp';

const t = useCompanyApp();

describe('hardening', () => {
  it('requires a token however the API path is spelled', async () => {
    for (const url of ['/%61pi/users', '/ap%69/users/1', '/%61pi/customers', '/%61pi/auth/me', '/api/%75sers']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(401);
    }
  });

  it('never lets a request set a generated document number', async () => {
    const customer = (await t.staffA.call('POST', '/api/customers', { name: 'Số Tự Sinh' })).body;
    const quote = await t.staffA.call('POST', '/api/quotes', { customerId: customer.id, date: '2026-03-01', value: 1, number: 'HACKED-1' });
    expect(quote.body.number).toMatch(/^BG\d{6}$/);
    const patched = await t.staffA.call('PATCH', `/api/quotes/${quote.body.id}`, { number: 'HACKED-2' });
    expect(patched.body.number).toBe(quote.body.number);
  });

  it('takes history away from the previous owner when the customer moves', async () => {
    const customer = (await t.staffA.call('POST', '/api/customers', { name: 'Chuyển Đi' })).body;
    const contract = (await t.staffA.call('POST', '/api/contracts', { customerId: customer.id, date: '2026-03-01', value: 5 })).body;
    const activity = (await t.staffA.call('POST', '/api/activities', { customerId: customer.id, subject: 'Gọi', type: 'call', status: 'done', date: '2026-03-01' })).body;
    expect((await t.northManager.call('PATCH', `/api/customers/${customer.id}`, { version: 1, ownerId: t.staffB.userId })).status).toBe(200);
    expect((await t.staffA.call('GET', `/api/contracts?customerId=${customer.id}`)).body.total).toBe(0);
    expect((await t.staffA.call('PATCH', `/api/contracts/${contract.id}`, { value: 0 })).status).toBe(404);
    expect((await t.staffA.call('DELETE', `/api/activities/${activity.id}`)).status).toBe(404);
    expect((await t.staffB.call('GET', `/api/contracts/${contract.id}`)).status).toBe(200);
  });

  it('shows pool customers without contact details, and shares only to editors', async () => {
    const customer = (await t.staffC.call('POST', '/api/customers', { name: 'Khách Chung', phone: '0901000111', email: 'chung@vd.vn' })).body;
    await t.db('customers').where({ id: customer.id }).update({ in_pool: true, owner_id: null, previous_owner_id: t.staffC.userId });
    const seen = await t.staffA.call('GET', `/api/customers/${customer.id}`);
    expect(seen.body).toMatchObject({ name: 'Khách Chung', access: 'pool', phone: null, email: null });
    expect((await t.staffA.call('GET', `/api/customers/${customer.id}/shares`)).status).toBe(403);
    expect((await t.staffA.call('PATCH', `/api/customers/${customer.id}`, { version: 1, name: 'Của tôi' })).status).toBe(403);
  });

  it('treats LIKE wildcards in user search literally and refuses invisible names', async () => {
    expect((await t.staffA.call('GET', '/api/users?search=%25')).body).toEqual([]);
    const invisible = await t.staffA.call('POST', '/api/customers', { name: '\u200b\u200b' });
    expect(invisible.status).toBe(400);
    expect(invisible.body.error.field).toBe('name');
  });
});
