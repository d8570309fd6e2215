import { describe, expect, it } from 'vitest';
import type { Campaign } from '../../shared/schemas/campaigns';
import type { ApiClient } from '../support/apiClient';
import { useCompanyApp } from '../support/companyApp';

const t = useCompanyApp();

async function create(client: ApiClient, name: string): Promise<{ id: number; version: number }> {
  const response = await client.call('POST', '/api/customers', { name });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

async function campaign(client: ApiClient, name: string): Promise<Campaign> {
  const response = await client.call<Campaign>('POST', '/api/campaigns', { name });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

const memberIds = async (client: ApiClient, campaignId: number) =>
  (await client.call('GET', `/api/customers?campaignId=${campaignId}&limit=1000&sort=name:asc`)).body.rows.map((row: { id: number }) => row.id);

describe('campaigns (Chiến dịch)', () => {
  it('managers and admins create, rename and delete; everyone lists them; staff may not manage', async () => {
    const created = await campaign(t.northManager, '  Tri ân cuối năm ');
    expect(created).toMatchObject({ name: 'Tri ân cuối năm', ownerId: t.company.northManager.id, ownerName: 'Lê Quản Lý Bắc', memberCount: 0, canManage: true });
    expect((await t.staffA.call('POST', '/api/campaigns', { name: 'Của nhân viên' })).status).toBe(403);

    const listedByStaff = (await t.staffA.call<Campaign[]>('GET', '/api/campaigns')).body.find((item) => item.id === created.id);
    expect(listedByStaff).toMatchObject({ name: 'Tri ân cuối năm', canManage: false });
    expect((await t.staffA.call('PATCH', `/api/campaigns/${created.id}`, { name: 'Đổi tên' })).status).toBe(403);
    // A manager of another department may not change it; the manager above may.
    const south = await campaign(t.admin, 'Miền Nam');
    expect((await t.northManager.call('PATCH', `/api/campaigns/${south.id}`, { name: 'X' })).status).toBe(403);
    const renamed = await t.salesManager.call<Campaign>('PATCH', `/api/campaigns/${created.id}`, { name: 'Tri ân khách hàng' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Tri ân khách hàng');

    const duplicate = await t.admin.call('POST', '/api/campaigns', { name: 'TRI ÂN KHÁCH HÀNG' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error).toMatchObject({ code: 'DUPLICATE', field: 'name' });

    expect((await t.northManager.call('DELETE', `/api/campaigns/${created.id}`)).status).toBe(200);
    expect((await t.admin.call<Campaign[]>('GET', '/api/campaigns')).body.map((item) => item.id)).not.toContain(created.id);
    expect((await t.northManager.call('PATCH', `/api/campaigns/${created.id}`, { name: 'Again' })).status).toBe(404);
    // The name is free again once deleted.
    expect((await t.admin.call('POST', '/api/campaigns', { name: 'Tri ân khách hàng' })).status).toBe(201);
  });

  it('adds members the caller may edit: staff only their own, explicit ids all or nothing, set-based counts', async () => {
    const target = await campaign(t.northManager, 'Thành viên');
    const ofA = [await create(t.staffA, 'Thành viên An 1'), await create(t.staffA, 'Thành viên An 2')];
    const ofB = await create(t.staffB, 'Thành viên Bình');

    const refused = await t.staffA.call('POST', `/api/campaigns/${target.id}/members`, { customerIds: [ofA[0].id, ofB.id] });
    expect(refused.status).toBe(404);
    expect(await memberIds(t.admin, target.id)).toEqual([]);

    const added = await t.staffA.call('POST', `/api/campaigns/${target.id}/members`, { customerIds: ofA.map((c) => c.id) });
    expect(added.body).toEqual({ added: 2, alreadyMembers: 0 });
    const again = await t.staffA.call('POST', `/api/campaigns/${target.id}/members`, { customerIds: [ofA[0].id] });
    expect(again.body).toEqual({ added: 0, alreadyMembers: 1 });

    // A filter takes every matching customer the caller may edit: B's is left out for A.
    const byFilter = await t.staffA.call('POST', `/api/campaigns/${target.id}/members`, { filter: { search: 'thanh vien' } });
    expect(byFilter.body).toEqual({ added: 0, alreadyMembers: 2 });
    const byManager = await t.northManager.call('POST', `/api/campaigns/${target.id}/members`, { filter: { search: 'thanh vien' }, excludeIds: [ofA[1].id] });
    expect(byManager.body).toEqual({ added: 1, alreadyMembers: 1 });
    expect((await memberIds(t.admin, target.id)).sort()).toEqual([ofA[0].id, ofA[1].id, ofB.id].sort());
    // Counts and the member list show only the members the caller may open.
    const seenByA = (await t.staffA.call<Campaign[]>('GET', '/api/campaigns')).body.find((item) => item.id === target.id);
    expect(seenByA?.memberCount).toBe(2);
    expect((await t.admin.call<Campaign[]>('GET', '/api/campaigns')).body.find((item) => item.id === target.id)?.memberCount).toBe(3);
    expect((await memberIds(t.staffA, target.id)).sort()).toEqual(ofA.map((c) => c.id).sort());

    // Membership does not change the customer record (no new version).
    expect((await t.staffA.call('GET', `/api/customers/${ofA[0].id}`)).body.version).toBe(ofA[0].version);

    const removed = await t.staffA.call('POST', `/api/campaigns/${target.id}/members/remove`, { customerIds: [ofA[0].id] });
    expect(removed.body).toEqual({ removed: 1, notMembers: 0 });
    expect((await t.staffA.call('POST', `/api/campaigns/${target.id}/members/remove`, { customerIds: [ofB.id] })).status).toBe(404);
    expect((await memberIds(t.admin, target.id)).sort()).toEqual([ofA[1].id, ofB.id].sort());
  });

  it('refuses members for a deleted or unknown campaign, and hostile input with the field', async () => {
    const gone = await campaign(t.admin, 'Đã xóa');
    await t.admin.call('DELETE', `/api/campaigns/${gone.id}`);
    const customer = await create(t.staffA, 'Không vào được');
    expect((await t.staffA.call('POST', `/api/campaigns/${gone.id}/members`, { customerIds: [customer.id] })).status).toBe(404);
    expect((await t.staffA.call('POST', '/api/campaigns/999999/members', { customerIds: [customer.id] })).status).toBe(404);
    for (const [body, field] of [
      [{ name: '' }, 'name'],
      [{ name: '   ' }, 'name'],
      [{ name: 'x'.repeat(300) }, 'name'],
    ] as const) {
      const response = await t.admin.call('POST', '/api/campaigns', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.field).toBe(field);
    }
    const badIds = await t.admin.call('POST', `/api/campaigns/${gone.id}/members`, { customerIds: [1, 'x'] });
    expect(badIds.status).toBe(400);
    expect(badIds.body.error.field).toMatch(/^customerIds/);
    const live = await campaign(t.admin, 'Còn sống');
    const neither = await t.admin.call('POST', `/api/campaigns/${live.id}/members`, {});
    expect(neither.status).toBe(400);
    expect(neither.body.error.field).toBe('customerIds');
  });

  it('filters the customer list by campaign, and the list follows membership changes at once', async () => {
    const list = await campaign(t.admin, 'Bộ lọc');
    const one = await create(t.staffC, 'Lọc chiến dịch 1');
    await create(t.staffC, 'Lọc chiến dịch 2');
    const total = async () => (await t.staffC.call('GET', `/api/customers?campaignId=${list.id}&limit=10`)).body.total;
    expect(await total()).toBe(0);
    await t.staffC.call('POST', `/api/campaigns/${list.id}/members`, { customerIds: [one.id] });
    expect(await total()).toBe(1);
    await t.staffC.call('POST', `/api/campaigns/${list.id}/members/remove`, { customerIds: [one.id] });
    expect(await total()).toBe(0);
    expect((await t.staffC.call('GET', '/api/customers?campaignId=abc')).body.error.field).toBe('campaignId');
  });

  it('will not delete a campaign a multi-assign rule uses', async () => {
    const used = await campaign(t.admin, 'Đang dùng');
    const rule = await t.admin.call('POST', '/api/automations/multi-assign', { name: 'Quy tắc dùng', campaignId: used.id, userIds: [t.staffB.userId], active: false });
    expect(rule.status).toBe(201);
    const refused = await t.admin.call('DELETE', `/api/campaigns/${used.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('CAMPAIGN_IN_USE');
    await t.admin.call('DELETE', `/api/automations/multi-assign/${rule.body.id}`);
    expect((await t.admin.call('DELETE', `/api/campaigns/${used.id}`)).status).toBe(200);
  });
});
