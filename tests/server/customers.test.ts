import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/apiClient';
import { useCompanyApp } from '../support/companyApp';

const t = useCompanyApp();

async function create(client: ApiClient, body: Record<string, unknown>) {
  const response = await client.call('POST', '/api/customers', body);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

describe('C1 customers: create, edit, delete, classify', () => {
  it('creates a customer owned by its creator with the SPEC fields', async () => {
    const type = (await t.admin.call('POST', '/api/customer-types', { name: 'Doanh nghiệp' })).body;
    const group = (await t.admin.call('POST', '/api/customer-groups', { name: 'VIP', points: 10 })).body;
    const customer = await create(t.staffA, { name: '  Công ty Hoa Sen ', email: 'lienhe@hoasen.vn', phone: '0901 234 567', typeId: type.id, groupIds: [group.id], tags: ['bán lẻ'] });
    expect(customer).toMatchObject({
      name: 'Công ty Hoa Sen', ownerId: t.staffA.userId, typeId: type.id, groupIds: [group.id], tierId: null, score: 0, stars: 0,
      inPool: false, careStatus: null, tags: ['bán lẻ'], version: 1, access: 'edit', assignedUserIds: [],
    });
    expect(customer.code).toMatch(/^KH\d{6}$/);
    expect(customer.revenue).toBe(0);
    const duplicate = await t.staffA.call('POST', '/api/customers', { name: 'Trùng mã', code: customer.code });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error).toMatchObject({ code: 'DUPLICATE', field: 'code' });
    expect(new Date(customer.ownerAssignedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const history = await t.staffA.call('GET', `/api/customers/${customer.id}/history`);
    expect(history.body).toMatchObject([{ toUserId: t.staffA.userId, reason: 'create' }]);
  });

  it('validates input and names the field', async () => {
    for (const [body, field] of [
      [{}, 'name'],
      [{ name: '   ' }, 'name'],
      [{ name: 'X', email: 'not-an-email' }, 'email'],
      [{ name: 'X', typeId: 'abc' }, 'typeId'],
      [{ name: 'X', groupIds: [1, 1] }, 'groupIds'],
      [{ name: 'x'.repeat(300) }, 'name'],
    ] as const) {
      const response = await t.staffA.call('POST', '/api/customers', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_ERROR');
      expect(response.body.error.field).toBe(field);
    }
    expect((await t.staffA.call('POST', '/api/customers', { name: 'X', typeId: 999999 })).body.error.field).toBe('typeId');
    expect((await t.staffA.call('POST', '/api/customers', { name: 'X', groupIds: [999999] })).body.error.field).toBe('groupIds');
  });

  it('uses optimistic locking: a stale version is a 409 and changes nothing', async () => {
    const customer = await create(t.staffA, { name: 'Khóa Lạc Quan' });
    const first = await t.staffA.call('PATCH', `/api/customers/${customer.id}`, { version: 1, phone: '0281234567' });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await t.staffA.call('PATCH', `/api/customers/${customer.id}`, { version: 1, phone: '0999999999' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    expect((await t.staffA.call('GET', `/api/customers/${customer.id}`)).body.phone).toBe('0281234567');
  });

  it('deletes to the recycle bin and restores', async () => {
    const customer = await create(t.staffA, { name: 'Thùng Rác' });
    expect((await t.staffA.call('DELETE', `/api/customers/${customer.id}`)).status).toBe(200);
    expect((await t.staffA.call('GET', `/api/customers/${customer.id}`)).status).toBe(404);
    const bin = await t.staffA.call('GET', '/api/recycle-bin/customers');
    expect(bin.body.rows.map((row: { id: number }) => row.id)).toContain(customer.id);
    expect((await t.staffB.call('GET', '/api/recycle-bin/customers')).body.rows.map((row: { id: number }) => row.id)).not.toContain(customer.id);
    expect((await t.staffB.call('POST', `/api/customers/${customer.id}/restore`)).status).toBe(404);
    const restored = await t.staffA.call('POST', `/api/customers/${customer.id}/restore`);
    expect(restored.status).toBe(200);
    expect((await t.staffA.call('GET', `/api/customers/${customer.id}`)).body.name).toBe('Thùng Rác');
  });

  it('manual multi-assign (O3) gives read-only access', async () => {
    const customer = await create(t.staffA, { name: 'Giao Cho Bình', assignedUserIds: [t.staffB.userId] });
    const seen = await t.staffB.call('GET', `/api/customers/${customer.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.access).toBe('read');
    expect((await t.staffB.call('PATCH', `/api/customers/${customer.id}`, { version: 1, name: 'Hijack' })).status).toBe(403);
    const shares = await t.staffA.call('GET', `/api/customers/${customer.id}/shares`);
    expect(shares.body).toMatchObject([{ userId: t.staffB.userId, source: 'assigned' }]);
  });
});

describe('access rules', () => {
  let ofA: { id: number; version: number };
  let ofC: { id: number };

  beforeAll(async () => {
    ofA = await create(t.staffA, { name: 'Riêng Của An' });
    ofC = await create(t.staffC, { name: 'Riêng Của Cường' });
  });

  it('staff B cannot read, edit, delete or bulk-change staff A\'s customers', async () => {
    expect((await t.staffB.call('GET', `/api/customers/${ofA.id}`)).status).toBe(404);
    expect((await t.staffB.call('PATCH', `/api/customers/${ofA.id}`, { version: 1, name: 'x' })).status).toBe(404);
    expect((await t.staffB.call('DELETE', `/api/customers/${ofA.id}`)).status).toBe(404);
    expect((await t.staffB.call('GET', `/api/customers/${ofA.id}/shares`)).status).toBe(404);
    expect((await t.staffB.call('GET', `/api/customers/${ofA.id}/history`)).status).toBe(404);
    const group = (await t.admin.call('POST', '/api/customer-groups', { name: 'Nhóm Thử' })).body;
    const bulk = await t.staffB.call('POST', '/api/customers/groups', { customerIds: [ofA.id], groupIds: [group.id], mode: 'add' });
    expect(bulk.status).toBe(404);
    const shared = await create(t.staffA, { name: 'Chia Sẻ Cho Bình', assignedUserIds: [t.staffB.userId] });
    const readOnly = await t.staffB.call('POST', '/api/customers/groups', { customerIds: [shared.id], groupIds: [group.id], mode: 'add' });
    expect(readOnly.status).toBe(403);
    const list = await t.staffB.call('GET', '/api/customers?limit=1000');
    expect(list.body.rows.map((row: { id: number }) => row.id)).not.toContain(ofA.id);
    expect(list.body.rows.every((row: { ownerId: number; access: string }) => row.ownerId === t.staffB.userId || row.access !== 'edit')).toBe(true);
    // Select-all-matching with a filter touches only what B may edit: nothing of A's.
    const byFilter = await t.staffB.call('POST', '/api/customers/groups', { filter: { search: 'Riêng Của An' }, groupIds: [group.id], mode: 'add' });
    expect(byFilter.body.updated).toBe(0);
    expect((await t.staffA.call('GET', `/api/customers/${ofA.id}`)).body.groupIds).toEqual([]);
  });

  it('staff cannot hand customers to others or pose as owner', async () => {
    expect((await t.staffA.call('POST', '/api/customers', { name: 'Quà', ownerId: t.staffB.userId })).status).toBe(403);
  });

  it('managers see and edit their department subtree, not the sibling department', async () => {
    const north = await t.northManager.call('GET', `/api/customers/${ofA.id}`);
    expect(north.status).toBe(200);
    expect(north.body.access).toBe('edit');
    expect((await t.northManager.call('GET', `/api/customers/${ofC.id}`)).status).toBe(404);
    expect((await t.salesManager.call('GET', `/api/customers/${ofC.id}`)).body.access).toBe('edit');
    expect((await t.salesManager.call('GET', `/api/customers/${ofA.id}`)).body.access).toBe('edit');
    const northList = await t.northManager.call('GET', '/api/customers?limit=1000');
    const ids = northList.body.rows.map((row: { id: number }) => row.id);
    expect(ids).toContain(ofA.id);
    expect(ids).not.toContain(ofC.id);
    expect((await t.northManager.call('POST', '/api/customers', { name: 'Giao cho An', ownerId: t.staffA.userId })).status).toBe(201);
    expect((await t.northManager.call('POST', '/api/customers', { name: 'Giao cho Cường', ownerId: t.staffC.userId })).status).toBe(403);
  });

  it('admin sees everything', async () => {
    const list = await t.admin.call('GET', '/api/customers?limit=1000');
    const ids = list.body.rows.map((row: { id: number }) => row.id);
    expect(ids).toEqual(expect.arrayContaining([ofA.id, ofC.id]));
    expect(list.body.total).toBe(list.body.rows.length);
  });

  it('other users\' tokens reach nothing on every customer path', async () => {
    const paths: [string, string, unknown?][] = [
      ['GET', `/api/customers/${ofC.id}`], ['PATCH', `/api/customers/${ofC.id}`, { version: 1, name: 'x' }],
      ['DELETE', `/api/customers/${ofC.id}`], ['POST', `/api/customers/${ofC.id}/restore`],
      ['GET', `/api/customers/${ofC.id}/shares`], ['GET', `/api/customers/${ofC.id}/history`],
    ];
    for (const [method, url, body] of paths) {
      const response = await t.staffA.call(method as 'GET', url, body);
      expect([403, 404], `${method} ${url}`).toContain(response.status);
    }
  });
});

describe('C2 customer types', () => {
  it('deleting a type with "Xóa khách hàng" sends its customers to the recycle bin', async () => {
    const type = (await t.admin.call('POST', '/api/customer-types', { name: 'Loại Xóa' })).body;
    const kept = await create(t.staffA, { name: 'Loại Xóa 1', typeId: type.id });
    expect((await t.admin.call('DELETE', `/api/customer-types/${type.id}`)).status).toBe(400);
    expect((await t.staffA.call('DELETE', `/api/customer-types/${type.id}?customers=delete`)).status).toBe(403);
    const response = await t.admin.call('DELETE', `/api/customer-types/${type.id}?customers=delete`);
    expect(response.body).toEqual({ deletedCustomers: 1, clearedCustomers: 0 });
    expect((await t.staffA.call('GET', `/api/customers/${kept.id}`)).status).toBe(404);
    expect((await t.admin.call('GET', '/api/customer-types')).body.map((item: { id: number }) => item.id)).not.toContain(type.id);
  });

  it('deleting a type with "Không xóa khách hàng" keeps the customers with no type', async () => {
    const type = (await t.admin.call('POST', '/api/customer-types', { name: 'Loại Giữ' })).body;
    const kept = await create(t.staffA, { name: 'Loại Giữ 1', typeId: type.id });
    const response = await t.admin.call('DELETE', `/api/customer-types/${type.id}?customers=keep`);
    expect(response.body).toEqual({ deletedCustomers: 0, clearedCustomers: 1 });
    const after = await t.staffA.call('GET', `/api/customers/${kept.id}`);
    expect(after.body.typeId).toBeNull();
    expect(after.body.version).toBe(2);
  });

  it('refuses duplicate names and lets staff only read', async () => {
    await t.admin.call('POST', '/api/customer-types', { name: 'Cá nhân' });
    expect((await t.admin.call('POST', '/api/customer-types', { name: 'cá nhân' })).status).toBe(409);
    expect((await t.staffA.call('POST', '/api/customer-types', { name: 'Của tôi' })).status).toBe(403);
    expect((await t.staffA.call('GET', '/api/customer-types')).status).toBe(200);
  });
});

describe('C3 groups in bulk', () => {
  it('moves, adds and removes groups on selected customers', async () => {
    const g1 = (await t.admin.call('POST', '/api/customer-groups', { name: 'Bulk 1' })).body;
    const g2 = (await t.admin.call('POST', '/api/customer-groups', { name: 'Bulk 2' })).body;
    const g3 = (await t.admin.call('POST', '/api/customer-groups', { name: 'Bulk 3' })).body;
    const one = await create(t.staffA, { name: 'Bulk KH 1', groupIds: [g1.id] });
    const two = await create(t.staffA, { name: 'Bulk KH 2', groupIds: [g1.id, g2.id] });
    const groupsOf = async (id: number) => (await t.staffA.call('GET', `/api/customers/${id}`)).body.groupIds;

    expect((await t.staffA.call('POST', '/api/customers/groups', { customerIds: [one.id, two.id], groupIds: [g3.id], mode: 'add' })).body).toEqual({ updated: 2 });
    expect(await groupsOf(one.id)).toEqual([g1.id, g3.id]);
    expect(await groupsOf(two.id)).toEqual([g1.id, g2.id, g3.id]);

    await t.staffA.call('POST', '/api/customers/groups', { customerIds: [one.id, two.id], groupIds: [g1.id], mode: 'remove' });
    expect(await groupsOf(one.id)).toEqual([g3.id]);
    expect(await groupsOf(two.id)).toEqual([g2.id, g3.id]);

    await t.staffA.call('POST', '/api/customers/groups', { customerIds: [one.id, two.id], groupIds: [g2.id], mode: 'move' });
    expect(await groupsOf(one.id)).toEqual([g2.id]);
    expect(await groupsOf(two.id)).toEqual([g2.id]);
    // Bulk changes bump the version so a form opened earlier cannot overwrite them silently.
    expect((await t.staffA.call('GET', `/api/customers/${one.id}`)).body.version).toBe(4);
  });

  it('select-all-matching sends the filter and changes every matching customer the user may edit', async () => {
    const group = (await t.admin.call('POST', '/api/customer-groups', { name: 'Theo Lọc' })).body;
    await Promise.all(['Lọc Một', 'Lọc Hai', 'Lọc Ba'].map((name) => create(t.staffA, { name: `Chuỗi ${name}` })));
    const response = await t.staffA.call('POST', '/api/customers/groups', { filter: { search: 'chuoi loc' }, groupIds: [group.id], mode: 'add' });
    expect(response.body.updated).toBe(3);
    const members = await t.staffA.call('GET', `/api/customers?groupId=${group.id}`);
    expect(members.body.total).toBe(3);
  });

  it('refuses unknown groups and unknown customers', async () => {
    const customer = await create(t.staffA, { name: 'Bulk Sai' });
    expect((await t.staffA.call('POST', '/api/customers/groups', { customerIds: [customer.id], groupIds: [987654], mode: 'add' })).status).toBe(400);
    expect((await t.staffA.call('POST', '/api/customers/groups', { customerIds: [987654], groupIds: [], mode: 'move' })).status).toBe(404);
    expect((await t.staffA.call('POST', '/api/customers/groups', { groupIds: [], mode: 'jump' })).status).toBe(400);
  });
});

describe('bulk delete', () => {
  it('moves selected customers to the recycle bin, all or nothing', async () => {
    const mine = await Promise.all(['Xóa Loạt 1', 'Xóa Loạt 2'].map((name) => create(t.staffA, { name })));
    const notMine = await create(t.staffC, { name: 'Xóa Loạt Của Cường' });
    const refused = await t.staffA.call('POST', '/api/customers/delete', { customerIds: [mine[0].id, notMine.id] });
    expect(refused.status).toBe(404);
    expect((await t.staffA.call('GET', `/api/customers/${mine[0].id}`)).status).toBe(200);
    expect((await t.staffA.call('POST', '/api/customers/delete', { customerIds: mine.map((c) => c.id) })).body).toEqual({ updated: 2 });
    expect((await t.staffA.call('GET', `/api/customers/${mine[1].id}`)).status).toBe(404);
    const byFilter = await t.staffA.call('POST', '/api/customers/delete', { filter: { search: 'xoa loat' } });
    expect(byFilter.body).toEqual({ updated: 0 });
    expect((await t.staffC.call('GET', `/api/customers/${notMine.id}`)).status).toBe(200);
  });
});

describe('customer list: search, filter, sort, paging', () => {
  it('finds names without diacritics or case and sorts with Vietnamese collation', async () => {
    for (const name of ['Đặng Văn Em', 'Nguyễn Văn An', 'Dương Thị Ánh', 'Ánh Dương']) await create(t.staffB, { name });
    const search = await t.staffB.call('GET', '/api/customers?search=nguyen%20van%20an');
    expect(search.body.rows.map((row: { name: string }) => row.name)).toEqual(['Nguyễn Văn An']);
    const sorted = await t.staffB.call('GET', '/api/customers?sort=name:asc');
    const names = sorted.body.rows.map((row: { name: string }) => row.name);
    expect(names.indexOf('Ánh Dương')).toBeLessThan(names.indexOf('Dương Thị Ánh'));
    expect(names.indexOf('Dương Thị Ánh')).toBeLessThan(names.indexOf('Đặng Văn Em'));
    const desc = await t.staffB.call('GET', '/api/customers?sort=name:desc&limit=2');
    expect(desc.body.rows[0].name).toBe(names[names.length - 1]);
    expect(desc.body.total).toBe(names.length);
  });

  it('treats LIKE wildcards in a search literally', async () => {
    const response = await t.staffB.call('GET', '/api/customers?search=%25');
    expect(response.status).toBe(200);
    expect(response.body.total).toBe(0);
  });

  it('rejects bad list parameters with 400', async () => {
    for (const query of ['limit=5000', 'offset=-1', 'sort=password:asc', 'sort=name:up', 'stars=9', 'typeId=abc', 'createdFrom=2026-13-40']) {
      expect((await t.staffB.call('GET', `/api/customers?${query}`)).status, query).toBe(400);
    }
  });
});
