import { describe, expect, it } from 'vitest';
import { signIn, type ApiClient } from '../support/apiClient';
import { useCompanyApp } from '../support/companyApp';

const ctx = useCompanyApp();

/** A request as a client that always sends `content-type: application/json` makes it, with a raw body. */
async function send(client: ApiClient, method: 'DELETE' | 'POST', url: string, body: string) {
  const response = await ctx.app.inject({
    method, url, payload: body, headers: { authorization: `Bearer ${client.token}`, 'content-type': 'application/json' },
  });
  return { status: response.statusCode, body: response.json() };
}

describe('an empty JSON body reads as {}', () => {
  it('a bare DELETE with the JSON header works', async () => {
    const type = await ctx.admin.call('POST', '/api/customer-types', { name: 'Loại tạm để xóa' });
    expect(type.status).toBe(201);
    const deleted = await send(ctx.admin, 'DELETE', `/api/customer-types/${type.body.id}?customers=keep`, '');
    expect(deleted).toEqual({ status: 200, body: { deletedCustomers: 0, clearedCustomers: 0 } });

    const customer = await ctx.staffA.call('POST', '/api/customers', { name: 'Công ty Thân Rỗng' });
    expect((await send(ctx.staffA, 'DELETE', `/api/customers/${customer.body.id}`, ' \r\n\t ')).status).toBe(200);
    expect((await send(ctx.staffA, 'POST', `/api/customers/${customer.body.id}/restore`, '')).status).toBe(200);
  });

  it('a body-less POST works', async () => {
    const session = await signIn(ctx.app, 'nhanvien.b', ctx.company.password);
    expect(await send(session, 'POST', '/api/auth/logout', '')).toEqual({ status: 200, body: { ok: true } });
    expect((await session.call('GET', '/api/auth/me')).status).toBe(401);
  });

  it('a bulk POST with an empty body gets the validation answer for {}', async () => {
    const response = await send(ctx.staffA, 'POST', '/api/customers/groups', '');
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_ERROR');
    expect(response.body.error.message).not.toMatch(/empty/i);
  });

  it('malformed JSON and prototype poisoning are still 400 with the error shape', async () => {
    for (const body of ['{"customerIds": [1,', 'nope', '{"__proto__": {"admin": true}, "customerIds": [1]}', '{"constructor": {"prototype": {"x": 1}}}']) {
      const response = await send(ctx.staffA, 'POST', '/api/customers/delete', body);
      expect(response.status, body).toBe(400);
      expect(response.body).toEqual({ error: { code: 'BAD_REQUEST', message: expect.any(String) } });
    }
  });
});

describe('preferences', () => {
  it('a key never saved reads as 200 with value null', async () => {
    expect(await ctx.staffA.call('GET', '/api/preferences/grid.never-saved')).toEqual({ status: 200, body: { key: 'grid.never-saved', value: null } });
  });

  it('a saved value reads back, and only for its own user', async () => {
    const value = { columns: [{ colId: 'name', width: 240 }], note: 'Cột tên' };
    expect((await ctx.staffA.call('PUT', '/api/preferences/grid.customers', { value })).status).toBe(200);
    expect(await ctx.staffA.call('GET', '/api/preferences/grid.customers')).toEqual({ status: 200, body: { key: 'grid.customers', value } });
    expect(await ctx.staffB.call('GET', '/api/preferences/grid.customers')).toEqual({ status: 200, body: { key: 'grid.customers', value: null } });
    expect(await ctx.admin.call('GET', '/api/preferences/grid.customers')).toEqual({ status: 200, body: { key: 'grid.customers', value: null } });

    await ctx.staffB.call('PUT', '/api/preferences/grid.customers', { value: { columns: [] } });
    expect((await ctx.staffA.call('GET', '/api/preferences/grid.customers')).body.value).toEqual(value);
    expect((await ctx.staffB.call('GET', '/api/preferences/grid.customers')).body.value).toEqual({ columns: [] });
  });
});
