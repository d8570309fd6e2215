import { afterAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/apiClient';
import { useCompanyApp } from '../support/companyApp';

const t = useCompanyApp();

type Body = Record<string, unknown>;

async function create(client: ApiClient, body: Body) {
  const response = await client.call('POST', '/api/customers', body);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

async function duplicates(client: ApiClient, body: Body) {
  const response = await client.call('POST', '/api/customers/duplicates', body);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

async function setDuplicateTaxCode(mode: 'warn' | 'refuse') {
  const response = await t.admin.call('PUT', '/api/settings/customers', { duplicateTaxCode: mode });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
}

/** A match as the API names it: the customer the caller may open. */
const shown = (customer: { id: number; code: string; name: string }, ownerName: string) =>
  ({ id: customer.id, code: customer.code, name: customer.name, ownerName });

describe('POST /api/customers/duplicates', () => {
  it('matches each field after normalisation, naming the customer and its owner', async () => {
    const original = await create(t.staffA, { name: 'Công ty ABC', taxCode: '0101234567-AB', phone: '090 123.4567', email: 'Lien.He@ABC.vn' });
    const match = shown(original, 'Nguyễn Văn An');
    for (const [field, value] of [
      ['taxCode', '0101234567-ab'], ['taxCode', '  0101234567-AB '],
      ['phone', '0901234567'], ['phone', '(090) 123-4567'], ['phone', '+84 90 123 4567'],
      ['email', 'lien.he@abc.vn'], ['email', '  LIEN.HE@ABC.VN  '],
    ] as const) {
      const answer = await duplicates(t.staffA, { [field]: value });
      expect(answer, `${field} ${value}`).toEqual({ matches: [{ field, customer: match }], counts: { taxCode: 0, phone: 0, email: 0, [field]: 1 } });
    }
    const all = await duplicates(t.staffA, { taxCode: '0101234567-AB', phone: '0901234567', email: 'lien.he@abc.vn' });
    expect(all.matches).toEqual([
      { field: 'taxCode', customer: match }, { field: 'phone', customer: match }, { field: 'email', customer: match },
    ]);
    expect(all.counts).toEqual({ taxCode: 1, phone: 1, email: 1 });
  });

  it('finds nothing for other values, empty fields or an empty body', async () => {
    await create(t.staffA, { name: 'Công ty Gần Giống', taxCode: '0202020202', phone: '0912000111', email: 'a@gan-giong.vn' });
    const none = { matches: [], counts: { taxCode: 0, phone: 0, email: 0 } };
    expect(await duplicates(t.staffA, { taxCode: '020202020', phone: '091200011', email: 'b@gan-giong.vn' })).toEqual(none);
    expect(await duplicates(t.staffA, { taxCode: '', phone: '  ', email: null })).toEqual(none);
    expect(await duplicates(t.staffA, { phone: ' .-() ' })).toEqual(none);
    expect(await duplicates(t.staffA, {})).toEqual(none);
  });

  it('leaves out the customer being edited, and deleted customers', async () => {
    const edited = await create(t.staffA, { name: 'Đang Sửa', phone: '0933 000 001' });
    expect((await duplicates(t.staffA, { phone: '0933000001', excludeId: edited.id })).matches).toEqual([]);
    expect((await duplicates(t.staffA, { phone: '0933000001' })).matches).toHaveLength(1);

    const deleted = await create(t.staffA, { name: 'Đã Xóa', email: 'da.xoa@example.vn', taxCode: '0303030303' });
    expect((await t.staffA.call('DELETE', `/api/customers/${deleted.id}`)).status).toBe(200);
    expect(await duplicates(t.admin, { email: 'da.xoa@example.vn', taxCode: '0303030303' })).toEqual({ matches: [], counts: { taxCode: 0, phone: 0, email: 0 } });
  });

  it('shows a customer the caller may not open only as customer: null, never its id, code, name or owner', async () => {
    const hidden = await create(t.staffA, { name: 'Bí Mật Một', taxCode: '0404040404', phone: '0944 111 222', email: 'bi.mat@example.vn' });
    for (const client of [t.staffB, t.staffC, t.northManager, t.salesManager, t.admin]) {
      const answer = await duplicates(client, { taxCode: '0404040404', phone: '0944111222', email: 'BI.MAT@example.vn' });
      const canOpen = client === t.northManager || client === t.salesManager || client === t.admin;
      const customer = canOpen ? shown(hidden, 'Nguyễn Văn An') : null;
      expect(answer.matches).toEqual([{ field: 'taxCode', customer }, { field: 'phone', customer }, { field: 'email', customer }]);
      expect(answer.counts).toEqual({ taxCode: 1, phone: 1, email: 1 });
      if (!canOpen) {
        const json = JSON.stringify(answer);
        for (const secret of ['Bí Mật Một', hidden.code, 'Nguyễn Văn An', '"id"', '"ownerName"', `:${hidden.id}`]) expect(json).not.toContain(secret);
      }
    }
  });

  it("excludeId of a customer the caller may not edit changes nothing (no probing others' customers)", async () => {
    const other = await create(t.staffA, { name: 'Không Được Dò', phone: '0955 222 333' });
    for (const client of [t.staffB, t.staffC]) {
      expect((await duplicates(client, { phone: '0955222333', excludeId: other.id })).matches).toEqual([{ field: 'phone', customer: null }]);
    }
  });

  it('gives full info for shared (assigned) customers and for the common pool', async () => {
    const assigned = await create(t.staffA, { name: 'Được Giao', phone: '0966 333 444', assignedUserIds: [t.staffC.userId] });
    expect((await duplicates(t.staffC, { phone: '0966333444' })).matches).toEqual([{ field: 'phone', customer: shown(assigned, 'Nguyễn Văn An') }]);
    expect((await duplicates(t.staffB, { phone: '0966333444' })).matches).toEqual([{ field: 'phone', customer: null }]);

    const pooled = await create(t.staffA, { name: 'Khách Chung', email: 'chung@example.vn' });
    await t.db('customers').where({ id: pooled.id }).update({ in_pool: true });
    expect((await duplicates(t.staffC, { email: 'chung@example.vn' })).matches).toEqual([{ field: 'email', customer: shown(pooled, 'Nguyễn Văn An') }]);
  });

  it('lists up to 5 customers the caller may open per field, lowest id first, then one hidden entry, with the full count', async () => {
    const phone = '0977 444 555';
    const own = [];
    for (let i = 0; i < 7; i += 1) own.push(await create(t.staffB, { name: `Trùng Số ${i}`, phone }));
    await create(t.staffA, { name: 'Trùng Số Của An', phone });
    await create(t.staffC, { name: 'Trùng Số Của Cường', phone });
    const answer = await duplicates(t.staffB, { phone: '0977444555' });
    expect(answer.matches).toEqual([
      ...own.slice(0, 5).map((customer) => ({ field: 'phone', customer: shown(customer, 'Phạm Thị Bình') })),
      { field: 'phone', customer: null },
    ]);
    expect(answer.counts.phone).toBe(9);
  });

  it('refuses hostile input with 400', async () => {
    for (const body of [
      { taxCode: 'x'.repeat(41) }, { phone: '1'.repeat(41) }, { email: `${'a'.repeat(251)}@x.vn` }, { email: 'x'.repeat(100_000) },
      { phone: { $gt: '' } }, { taxCode: ['a', 'b'] }, { excludeId: 'abc' }, { excludeId: -1 }, { excludeId: 1.5 }, { email: [{ a: 1 }] },
    ]) {
      const response = await t.staffA.call('POST', '/api/customers/duplicates', body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_ERROR');
    }
  });
});

describe('customer settings (Thiết lập › Khách hàng)', () => {
  it('default to warn and are readable by every signed-in user', async () => {
    for (const client of [t.staffA, t.northManager, t.admin]) {
      expect(await client.call('GET', '/api/settings/customers')).toEqual({ status: 200, body: { duplicateTaxCode: 'warn' } });
    }
  });

  it('are changed by admins only, audited', async () => {
    for (const client of [t.staffA, t.salesManager]) {
      expect((await client.call('PUT', '/api/settings/customers', { duplicateTaxCode: 'refuse' })).status).toBe(403);
      expect((await client.call('PUT', '/api/settings/customers', { duplicateTaxCode: 'bogus' })).status).toBe(403);
    }
    expect((await t.admin.call('PUT', '/api/settings/customers', { duplicateTaxCode: 'bogus' })).status).toBe(400);
    expect((await t.admin.call('PUT', '/api/settings/customers', {})).status).toBe(400);
    expect((await t.staffA.call('GET', '/api/settings/customers')).body).toEqual({ duplicateTaxCode: 'warn' });

    const saved = await t.admin.call('PUT', '/api/settings/customers', { duplicateTaxCode: 'refuse', extra: 'ignored' });
    expect(saved).toEqual({ status: 200, body: { duplicateTaxCode: 'refuse' } });
    expect((await t.staffA.call('GET', '/api/settings/customers')).body).toEqual({ duplicateTaxCode: 'refuse' });
    const audit = await t.db('audit_log').where({ entity: 'settings' }).orderBy('id', 'desc').first();
    expect(audit).toMatchObject({
      user_id: t.admin.userId, action: 'update',
      detail: { key: 'customers', before: { duplicateTaxCode: 'warn' }, after: { duplicateTaxCode: 'refuse' } },
    });
    await setDuplicateTaxCode('warn');
  });
});

describe('saving a duplicate tax code', () => {
  afterAll(() => setDuplicateTaxCode('warn'));

  it('is accepted in warn mode (the form warns first)', async () => {
    await create(t.staffA, { name: 'Công ty Cảnh Báo', taxCode: '0505050505', phone: '0988000111' });
    const second = await create(t.staffA, { name: 'Công ty Cảnh Báo', taxCode: '0505050505', phone: '0988000111' });
    expect(second.taxCode).toBe('0505050505');
    expect((await duplicates(t.staffA, { taxCode: '0505050505', excludeId: second.id })).counts.taxCode).toBe(1);
  });

  it('is refused in refuse mode on create and on edit with 409 DUPLICATE taxCode, naming no customer', async () => {
    const existing = await create(t.staffA, { name: 'Chủ Mã Số Thuế', taxCode: '0606060606-XY' });
    const other = await create(t.staffB, { name: 'Khách Khác', taxCode: '0707070707' });
    await setDuplicateTaxCode('refuse');

    for (const [client, taxCode] of [[t.staffA, '0606060606-XY'], [t.staffB, '0606060606-xy'], [t.admin, '0606060606-XY']] as const) {
      const refused = await client.call('POST', '/api/customers', { name: 'Trùng Mã', taxCode });
      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatchObject({ code: 'DUPLICATE', field: 'taxCode' });
      const json = JSON.stringify(refused.body);
      for (const secret of ['Chủ Mã Số Thuế', existing.code, 'Nguyễn Văn An', String(existing.id)]) expect(json).not.toContain(secret);
    }
    const edit = await t.staffB.call('PATCH', `/api/customers/${other.id}`, { version: other.version, taxCode: '0606060606-xy' });
    expect(edit.status).toBe(409);
    expect(edit.body.error).toMatchObject({ code: 'DUPLICATE', field: 'taxCode' });
    expect((await t.staffB.call('GET', `/api/customers/${other.id}`)).body).toMatchObject({ taxCode: '0707070707', version: other.version });

    // Other fields, no tax code, and the customer's own tax code are fine.
    expect((await t.staffB.call('PATCH', `/api/customers/${other.id}`, { version: other.version, name: 'Khách Khác Mới', taxCode: '0707070707' })).status).toBe(200);
    expect((await t.staffA.call('PATCH', `/api/customers/${existing.id}`, { version: existing.version, taxCode: '0606060606-xy' })).status).toBe(200);
    expect((await t.staffA.call('POST', '/api/customers', { name: 'Không Mã', taxCode: '' })).status).toBe(201);
    expect((await t.staffA.call('POST', '/api/customers', { name: 'Mã Mới', taxCode: '0808080808' })).status).toBe(201);
  });

  it('ignores deleted customers in refuse mode', async () => {
    await setDuplicateTaxCode('warn');
    const binned = await create(t.staffA, { name: 'Trong Thùng Rác', taxCode: '0909090909' });
    expect((await t.staffA.call('DELETE', `/api/customers/${binned.id}`)).status).toBe(200);
    await setDuplicateTaxCode('refuse');
    expect((await t.staffA.call('POST', '/api/customers', { name: 'Thay Thế', taxCode: '0909090909' })).status).toBe(201);
  });

  it('still saves an edit that keeps a legacy duplicate tax code, but not a change to one', async () => {
    await setDuplicateTaxCode('warn');
    const first = await create(t.staffA, { name: 'Cũ Một', taxCode: '1010101010' });
    const second = await create(t.staffA, { name: 'Cũ Hai', taxCode: '1010101010' });
    const third = await create(t.staffA, { name: 'Cũ Ba', taxCode: '1111111111' });
    await setDuplicateTaxCode('refuse');
    const kept = await t.staffA.call('PATCH', `/api/customers/${second.id}`, { version: second.version, name: 'Cũ Hai (sửa)', taxCode: '1010101010' });
    expect(kept.status, JSON.stringify(kept.body)).toBe(200);
    expect((await t.staffA.call('PATCH', `/api/customers/${first.id}`, { version: first.version, phone: '0900000000' })).status).toBe(200);
    const changed = await t.staffA.call('PATCH', `/api/customers/${third.id}`, { version: third.version, taxCode: '1010101010' });
    expect(changed.status).toBe(409);
    expect(changed.body.error).toMatchObject({ code: 'DUPLICATE', field: 'taxCode' });
  });

  it('lets exactly one of several concurrent creates with the same tax code succeed', async () => {
    await setDuplicateTaxCode('refuse');
    const clients = [t.staffA, t.staffB, t.staffC, t.northManager, t.salesManager, t.admin];
    const answers = await Promise.all(clients.map((client, i) => client.call('POST', '/api/customers', { name: `Đồng Thời ${i}`, taxCode: i % 2 ? 'AB12121212' : 'ab12121212' })));
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    for (const answer of answers.filter((a) => a.status === 409)) expect(answer.body.error).toMatchObject({ code: 'DUPLICATE', field: 'taxCode' });
    expect(await t.db('customers').whereRaw('crm_normal_tax_code(tax_code) = ?', ['AB12121212']).whereNull('deleted_at').count({ n: '*' })).toEqual([{ n: 1 }]);
  });
});
