import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/apiClient';
import { useCompanyApp } from '../support/companyApp';

const t = useCompanyApp();

async function assignable(client: ApiClient, query = '') {
  const response = await client.call('GET', `/api/users?assignable=owner${query}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return (response.body as { username: string }[]).map((user) => user.username);
}

describe('owner pickers offer only the owners the caller may assign', () => {
  it('staff: themselves; managers: their subtree; admins: every active user', async () => {
    expect(await assignable(t.staffA)).toEqual(['nhanvien.a']);
    expect((await assignable(t.northManager)).sort()).toEqual(['nhanvien.a', 'nhanvien.b', 'quanlybac']);
    expect((await assignable(t.salesManager)).sort()).toEqual(['nhanvien.a', 'nhanvien.b', 'nhanvien.c', 'quanly', 'quanlybac']);
    expect((await assignable(t.admin)).sort()).toEqual(['admin', 'nhanvien.a', 'nhanvien.b', 'nhanvien.c', 'quanly', 'quanlybac']);
  });

  it('searches without accents, limits, and leaves out disabled users', async () => {
    expect(await assignable(t.salesManager, '&search=binh')).toEqual(['nhanvien.b']);
    expect(await assignable(t.admin, '&limit=2')).toHaveLength(2);
    const disabled = (await t.admin.call('POST', '/api/users', { username: 'nghiviec', password: 'Nghi-Viec-123', fullName: 'Người Nghỉ Việc', departmentId: t.company.departments.north.id, role: 'staff', active: false })).body;
    expect(disabled.active).toBe(false);
    expect(await assignable(t.northManager)).not.toContain('nghiviec');
    expect((await t.northManager.call('POST', '/api/customers', { name: 'Cho người nghỉ', ownerId: disabled.id })).status).toBe(400);
  });

  it('what the picker offers is what creating a customer accepts', async () => {
    expect((await t.staffA.call('POST', '/api/customers', { name: 'Không được giao', ownerId: t.staffB.userId })).status).toBe(403);
    expect((await t.northManager.call('POST', '/api/customers', { name: 'Giao cho Bình', ownerId: t.staffB.userId })).status).toBe(201);
    expect((await t.northManager.call('POST', '/api/customers', { name: 'Ngoài nhánh', ownerId: t.staffC.userId })).status).toBe(403);
  });

  it('refuses bad lookup parameters', async () => {
    for (const query of ['assignable=everyone', 'limit=0', 'limit=100000', 'limit=abc']) {
      expect((await t.staffA.call('GET', `/api/users?${query}`)).status, query).toBe(400);
    }
  });
});

describe('an owner that is no user', () => {
  // No foreign key checks owner columns (migration 0022): the access module's check is the one.
  it('is refused with 400 on the owner field for customers, edits, activities and transfers', async () => {
    const missing = 987654321;
    const created = await t.admin.call('POST', '/api/customers', { name: 'Chủ không tồn tại', ownerId: missing });
    expect(created.status).toBe(400);
    expect(created.body.error.field).toBe('ownerId');
    const customer = (await t.admin.call('POST', '/api/customers', { name: 'Chủ có thật' })).body;
    const edited = await t.admin.call('PATCH', `/api/customers/${customer.id}`, { version: customer.version, ownerId: missing });
    expect(edited.status).toBe(400);
    expect(edited.body.error.field).toBe('ownerId');
    const activity = await t.admin.call('POST', '/api/activities', { customerId: customer.id, subject: 'Gọi', type: 'call', status: 'done', date: '2026-12-01', ownerId: missing });
    expect(activity.status).toBe(400);
    expect(activity.body.error.field).toBe('ownerId');
    const transfer = await t.admin.call('POST', '/api/customers/transfer-owner', { customerIds: [customer.id], userIds: [missing] });
    expect(transfer.status).toBe(400);
    expect(await t.db('customers').where({ id: customer.id }).first('owner_id')).toEqual({ owner_id: customer.ownerId });
  });
});
