import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/appType';
import { createCompany, signIn, signInAdmin, type ApiClient } from '../support/apiClient';
import { createTestApp } from '../support/testServer';

let app: App;
let close: () => Promise<void>;
let admin: ApiClient;
let company: Awaited<ReturnType<typeof createCompany>>;

beforeAll(async () => {
  ({ app, close } = await createTestApp());
  admin = await signInAdmin(app);
  company = await createCompany(admin);
});
afterAll(() => close());

describe('departments', () => {
  it('lists the tree with user counts', async () => {
    const list = await admin.call('GET', '/api/departments');
    expect(list.body).toEqual(expect.arrayContaining([
      { id: company.departments.north.id, name: 'Kinh doanh miền Bắc', parentId: company.departments.sales.id, userCount: 3 },
    ]));
  });

  it('refuses a move under its own subtree, and moving carries the subtree along', async () => {
    const { sales, north, south } = company.departments;
    expect((await admin.call('PATCH', `/api/departments/${sales.id}`, { parentId: north.id })).status).toBe(400);
    expect((await admin.call('PATCH', `/api/departments/${sales.id}`, { parentId: sales.id })).status).toBe(400);
    // Moving "north" under "south" puts its staff under the south chain of managers.
    expect((await admin.call('PATCH', `/api/departments/${north.id}`, { parentId: south.id })).status).toBe(200);
    const southStaff = await signIn(app, 'nhanvien.c', company.password);
    const ofC = (await southStaff.call('POST', '/api/customers', { name: 'Khách Miền Nam' })).body;
    const northManager = await signIn(app, 'quanlybac', company.password);
    expect((await northManager.call('GET', `/api/customers/${ofC.id}`)).status).toBe(404);
    const salesManager = await signIn(app, 'quanly', company.password);
    const staffA = await signIn(app, 'nhanvien.a', company.password);
    const ofA = (await staffA.call('POST', '/api/customers', { name: 'Khách Của An' })).body;
    expect((await salesManager.call('GET', `/api/customers/${ofA.id}`)).body.access).toBe('edit');
    await admin.call('PATCH', `/api/departments/${north.id}`, { parentId: sales.id });
  });

  it('refuses deleting a department that still has users, and lets only admins manage departments', async () => {
    const response = await admin.call('DELETE', `/api/departments/${company.departments.north.id}`);
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('DEPARTMENT_NOT_EMPTY');
    const manager = await signIn(app, 'quanly', company.password);
    expect((await manager.call('POST', '/api/departments', { name: 'Phòng Mới' })).status).toBe(403);
    const empty = (await admin.call('POST', '/api/departments', { name: 'Phòng Trống' })).body;
    expect((await admin.call('DELETE', `/api/departments/${empty.id}`)).status).toBe(200);
  });
});
