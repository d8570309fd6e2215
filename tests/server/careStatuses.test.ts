import { describe, expect, it } from 'vitest';
import { useCompanyApp } from '../support/companyApp';

const t = useCompanyApp();

async function statuses() {
  const response = await t.staffA.call('GET', '/api/care-statuses');
  expect(response.status).toBe(200);
  return response.body as { id: number; name: string; value: string; reserved: boolean; customerCount: number }[];
}

describe('Tình trạng chăm sóc: a managed list', () => {
  it('starts with the company list and the two reserved multi-assign entries', async () => {
    const list = await statuses();
    expect(list.map((entry) => entry.value)).toEqual(expect.arrayContaining(['Đang chăm sóc', 'Chờ phản hồi', 'multi_assign_pending', 'multi_assign_done']));
    expect(list.find((entry) => entry.value === 'multi_assign_pending')).toMatchObject({ name: 'Account Multi Assigned', reserved: true });
    expect(list.find((entry) => entry.value === 'multi_assign_done')).toMatchObject({ name: 'Account đã gán Multi Assigned', reserved: true });
  });

  it('customers take only values of the list, reserved keys included', async () => {
    const refused = await t.staffA.call('POST', '/api/customers', { name: 'Gõ tay', careStatus: 'Tự đặt' });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'VALIDATION_ERROR', field: 'careStatus' });
    const reserved = await t.staffA.call('POST', '/api/customers', { name: 'Chờ gán', careStatus: 'multi_assign_pending' });
    expect(reserved.status).toBe(201);
    expect(reserved.body.careStatus).toBe('multi_assign_pending');
    const edited = await t.staffA.call('PATCH', `/api/customers/${reserved.body.id}`, { version: 1, careStatus: 'Không có' });
    expect(edited.body.error).toMatchObject({ field: 'careStatus' });
  });

  it('managers and admins add and rename; a rename follows onto customers; staff may not', async () => {
    expect((await t.staffA.call('POST', '/api/care-statuses', { name: 'Tiềm năng cao' })).status).toBe(403);
    const created = await t.northManager.call('POST', '/api/care-statuses', { name: ' Tiềm năng cao ' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Tiềm năng cao', value: 'Tiềm năng cao', reserved: false, customerCount: 0 });
    expect((await t.admin.call('POST', '/api/care-statuses', { name: 'tiềm năng CAO' })).body.error).toMatchObject({ code: 'DUPLICATE', field: 'name' });

    const customer = (await t.staffA.call('POST', '/api/customers', { name: 'Đổi tên theo', careStatus: 'Tiềm năng cao' })).body;
    const renamed = await t.admin.call('PATCH', `/api/care-statuses/${created.body.id}`, { name: 'Rất tiềm năng' });
    expect(renamed.body).toMatchObject({ value: 'Rất tiềm năng', customerCount: 1 });
    const after = (await t.staffA.call('GET', `/api/customers/${customer.id}`)).body;
    expect(after).toMatchObject({ careStatus: 'Rất tiềm năng', version: 2 });
  });

  it('deleting clears it on its customers (admins only); the reserved entries stay', async () => {
    const entry = (await t.admin.call('POST', '/api/care-statuses', { name: 'Tạm dừng' })).body;
    const customer = (await t.staffB.call('POST', '/api/customers', { name: 'Sẽ mất trạng thái', careStatus: 'Tạm dừng' })).body;
    expect((await t.northManager.call('DELETE', `/api/care-statuses/${entry.id}`)).status).toBe(403);
    const deleted = await t.admin.call('DELETE', `/api/care-statuses/${entry.id}`);
    expect(deleted.body).toEqual({ clearedCustomers: 1 });
    expect((await t.staffB.call('GET', `/api/customers/${customer.id}`)).body.careStatus).toBeNull();
    expect((await statuses()).some((item) => item.name === 'Tạm dừng')).toBe(false);

    const reserved = (await statuses()).find((item) => item.value === 'multi_assign_done')!;
    for (const response of [
      await t.admin.call('DELETE', `/api/care-statuses/${reserved.id}`),
      await t.admin.call('PATCH', `/api/care-statuses/${reserved.id}`, { name: 'Khác' }),
    ]) {
      expect(response.status).toBe(409);
      expect(response.body.error.code).toBe('RESERVED_CARE_STATUS');
    }
  });

  it('null clears a nullable field (not coerced into "")', async () => {
    const created = (await t.staffA.call('POST', '/api/customers', { name: 'Xóa trạng thái', careStatus: 'Chờ phản hồi', taxCode: '0101' })).body;
    const cleared = await t.staffA.call('PATCH', `/api/customers/${created.id}`, { version: created.version, careStatus: null, taxCode: null });
    expect(cleared.status, JSON.stringify(cleared.body)).toBe(200);
    expect(cleared.body).toMatchObject({ careStatus: null, taxCode: null });
    expect((await t.staffA.call('POST', '/api/customers', { name: 'Không trạng thái', careStatus: null })).body.careStatus).toBeNull();
  });

  it('refuses bad names', async () => {
    for (const name of ['', '   ', 'x'.repeat(101)]) {
      const response = await t.admin.call('POST', '/api/care-statuses', { name });
      expect(response.status, name).toBe(400);
      expect(response.body.error.field).toBe('name');
    }
    expect((await t.admin.call('PATCH', '/api/care-statuses/999999', { name: 'Không có' })).status).toBe(404);
  });
});
