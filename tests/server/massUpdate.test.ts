import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/apiClient';
import { useCompanyApp } from '../support/companyApp';

const t = useCompanyApp();

async function create(client: ApiClient, body: Record<string, unknown>): Promise<{ id: number; version: number }> {
  const response = await client.call('POST', '/api/customers', body);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

const customer = async (id: number) => (await t.admin.call('GET', `/api/customers/${id}`)).body;
const massUpdate = (client: ApiClient, body: Record<string, unknown>) => client.call('POST', '/api/customers/mass-update', body);
const members = async (campaignId: number) =>
  (await t.admin.call('GET', `/api/customers?campaignId=${campaignId}&limit=1000`)).body.rows.map((row: { id: number }) => row.id).sort();

describe('mass update (Cập nhật hàng loạt)', () => {
  it('sets a care status of the list, counts changed and unchanged, bumps only the changed', async () => {
    const one = await create(t.staffA, { name: 'Hàng loạt 1', careStatus: 'Đang chăm sóc' });
    const two = await create(t.staffA, { name: 'Hàng loạt 2' });
    const response = await massUpdate(t.staffA, { customerIds: [one.id, two.id], careStatus: 'Đang chăm sóc' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ matched: 2, updated: 1, unchanged: 1, changed: { careStatus: 1 }, unchangedBy: { careStatus: 1 } });
    expect(await customer(one.id)).toMatchObject({ careStatus: 'Đang chăm sóc', version: 1 });
    expect(await customer(two.id)).toMatchObject({ careStatus: 'Đang chăm sóc', version: 2 });

    // The reserved entries are set by their key; null clears.
    const pending = await massUpdate(t.staffA, { customerIds: [one.id], careStatus: 'multi_assign_pending' });
    expect(pending.body.updated).toBe(1);
    expect((await customer(one.id)).careStatus).toBe('multi_assign_pending');
    expect((await massUpdate(t.staffA, { customerIds: [two.id], careStatus: null })).body.changed).toEqual({ careStatus: 1 });
    expect((await customer(two.id)).careStatus).toBeNull();

    const audit = await t.db('audit_log').where({ action: 'mass_update' }).orderBy('id', 'desc').first();
    expect(audit).toMatchObject({ user_id: t.staffA.userId, entity: 'customer' });
    expect(audit.entity_ids.map(Number)).toEqual([two.id]);
    expect(audit.detail).toMatchObject({ careStatus: null, matched: 1, changed: { careStatus: 1 } });
  });

  it('refuses a care status that is not in the list, naming the field, and changes nothing', async () => {
    const one = await create(t.staffA, { name: 'Ngoài danh sách', careStatus: 'Chờ phản hồi' });
    for (const careStatus of ['Không có trong danh sách', 'Account Multi Assigned', 'đang chăm sóc ']) {
      const response = await massUpdate(t.staffA, { customerIds: [one.id], careStatus });
      expect(response.status, careStatus).toBe(400);
      expect(response.body.error.field).toBe('careStatus');
    }
    expect(await customer(one.id)).toMatchObject({ careStatus: 'Chờ phản hồi', version: 1 });
  });

  it('adds to a campaign together with the care status, in one request', async () => {
    const campaign = (await t.northManager.call('POST', '/api/campaigns', { name: 'Hàng loạt' })).body;
    const one = await create(t.staffB, { name: 'Vào chiến dịch 1' });
    const two = await create(t.staffB, { name: 'Vào chiến dịch 2' });
    const body = { customerIds: [one.id, two.id], careStatus: 'multi_assign_pending', campaignId: campaign.id };
    expect((await massUpdate(t.staffB, body)).body).toEqual({ matched: 2, updated: 2, unchanged: 0, changed: { careStatus: 2, campaignId: 2 }, unchangedBy: { careStatus: 0, campaignId: 0 } });
    expect(await members(campaign.id)).toEqual([one.id, two.id].sort());
    expect((await customer(one.id)).careStatus).toBe('multi_assign_pending');
    // Already so: nothing changes.
    expect((await massUpdate(t.staffB, body)).body).toEqual({ matched: 2, updated: 0, unchanged: 2, changed: { careStatus: 0, campaignId: 0 }, unchangedBy: { careStatus: 2, campaignId: 2 } });
    // Campaign only: a membership change counts as an update.
    const three = await create(t.staffB, { name: 'Vào chiến dịch 3' });
    expect((await massUpdate(t.staffB, { customerIds: [one.id, three.id], campaignId: campaign.id })).body)
      .toEqual({ matched: 2, updated: 1, unchanged: 1, changed: { campaignId: 1 }, unchangedBy: { campaignId: 1 } });
  });

  it('by filter: every matching customer the caller may edit, minus the exclusions', async () => {
    const mine = [await create(t.staffC, { name: 'Lọc hàng loạt 1' }), await create(t.staffC, { name: 'Lọc hàng loạt 2' }), await create(t.staffC, { name: 'Lọc hàng loạt 3' })];
    const other = await create(t.staffA, { name: 'Lọc hàng loạt của An' });
    const response = await massUpdate(t.staffC, { filter: { search: 'loc hang loat' }, excludeIds: [mine[2].id], careStatus: 'Đã mua hàng' });
    expect(response.body).toEqual({ matched: 2, updated: 2, unchanged: 0, changed: { careStatus: 2 }, unchangedBy: { careStatus: 0 } });
    expect((await customer(mine[0].id)).careStatus).toBe('Đã mua hàng');
    expect((await customer(mine[2].id)).careStatus).toBeNull();
    expect((await customer(other.id)).careStatus).toBeNull();
    // The manager above both departments reaches every one of them.
    expect((await massUpdate(t.salesManager, { filter: { search: 'loc hang loat' }, careStatus: 'Đã mua hàng' })).body)
      .toMatchObject({ matched: 4, updated: 2 });
  });

  it('explicit ids are all or nothing: an invisible one is 404, a read-only one 403, and nothing changes', async () => {
    const own = await create(t.staffA, { name: 'Của An hàng loạt' });
    const ofB = await create(t.staffB, { name: 'Của Bình hàng loạt' });
    const sharedWithA = await create(t.staffB, { name: 'Bình giao An', assignedUserIds: [t.staffA.userId] });
    const invisible = await massUpdate(t.staffA, { customerIds: [own.id, ofB.id], careStatus: 'Đang chăm sóc' });
    expect(invisible.status).toBe(404);
    const readOnly = await massUpdate(t.staffA, { customerIds: [own.id, sharedWithA.id], careStatus: 'Đang chăm sóc' });
    expect(readOnly.status).toBe(403);
    const campaign = (await t.admin.call('POST', '/api/campaigns', { name: 'Không đổi gì' })).body;
    expect((await massUpdate(t.staffA, { customerIds: [own.id, sharedWithA.id], campaignId: campaign.id })).status).toBe(403);
    expect((await customer(own.id)).careStatus).toBeNull();
    expect(await members(campaign.id)).toEqual([]);
  });

  it('answers hostile or empty input with 400 naming the field', async () => {
    const own = await create(t.staffA, { name: 'Sai dữ liệu' });
    const deleted = (await t.admin.call('POST', '/api/campaigns', { name: 'Đã xóa hàng loạt' })).body;
    await t.admin.call('DELETE', `/api/campaigns/${deleted.id}`);
    for (const [body, field] of [
      [{ customerIds: [own.id] }, 'careStatus'],
      [{ customerIds: [own.id], careStatus: 42 }, 'careStatus'],
      [{ customerIds: [own.id], careStatus: 'x'.repeat(101) }, 'careStatus'],
      [{ customerIds: [own.id], campaignId: 'abc' }, 'campaignId'],
      [{ customerIds: [own.id], campaignId: deleted.id }, 'campaignId'],
      [{ customerIds: [own.id], campaignId: 999999 }, 'campaignId'],
      [{ customerIds: 'all', careStatus: null }, 'customerIds.0'],
      [{ customerIds: [], careStatus: null }, 'customerIds'],
      [{ careStatus: null }, 'customerIds'],
      [{ filter: { stars: ['x'] }, careStatus: null }, 'filter.stars.0'],
    ] as const) {
      const response = await massUpdate(t.staffA, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.field, JSON.stringify(body)).toBe(field);
    }
    expect(await customer(own.id)).toMatchObject({ careStatus: null, version: 1 });
  });
});
