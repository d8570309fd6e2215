import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/apiClient';
import { insertCustomers } from './ownershipFixtures';
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

  it('sets type, address, tags, groups and owner in one request, counting per field what changed and what already was so', async () => {
    const type = (await t.admin.call('POST', '/api/customer-types', { name: 'Loại hàng loạt' })).body;
    const keep = (await t.admin.call('POST', '/api/customer-groups', { name: 'Nhóm giữ' })).body;
    const join = (await t.admin.call('POST', '/api/customer-groups', { name: 'Nhóm vào' })).body;
    const one = await create(t.staffA, { name: 'Mọi trường 1', typeId: type.id, tags: ['cũ', 'bỏ'], groupIds: [keep.id] });
    const two = await create(t.staffA, { name: 'Mọi trường 2', address: '1 Lê Lợi', tags: ['mới'] });
    const response = await massUpdate(t.staffA, {
      customerIds: [one.id, two.id], typeId: type.id, address: '1 Lê Lợi', addTags: ['mới'], removeTags: ['bỏ'], groupIds: [join.id], groupMode: 'add',
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toEqual({
      matched: 2, updated: 2, unchanged: 0,
      changed: { typeId: 1, address: 1, addTags: 1, removeTags: 1, groupIds: 2 },
      unchangedBy: { typeId: 1, address: 1, addTags: 1, removeTags: 1, groupIds: 0 },
    });
    // One new version per customer, whatever the number of fields.
    expect(await customer(one.id)).toMatchObject({ typeId: type.id, address: '1 Lê Lợi', tags: ['cũ', 'mới'], version: 2 });
    expect((await customer(one.id)).groupIds.sort()).toEqual([keep.id, join.id].sort());
    expect(await customer(two.id)).toMatchObject({ typeId: type.id, tags: ['mới'], groupIds: [join.id], version: 2 });

    // Groups move (C3's operation): the chosen ones replace the others; null clears type and address.
    const moved = await massUpdate(t.staffA, { customerIds: [one.id, two.id], groupIds: [keep.id], groupMode: 'move', typeId: null, address: null });
    expect(moved.body).toMatchObject({ updated: 2, changed: { groupIds: 2, typeId: 2, address: 2 } });
    expect(await customer(one.id)).toMatchObject({ groupIds: [keep.id], typeId: null, address: null, version: 3 });
    expect((await massUpdate(t.staffA, { customerIds: [one.id, two.id], groupIds: [keep.id], groupMode: 'remove' })).body)
      .toMatchObject({ updated: 2, changed: { groupIds: 2 } });
    expect((await customer(two.id)).groupIds).toEqual([]);

    // The owner through the one owner-change operation: managers and admins, to users they may assign.
    expect((await massUpdate(t.staffA, { customerIds: [one.id], ownerId: t.staffB.userId })).status).toBe(403);
    expect((await massUpdate(t.northManager, { customerIds: [one.id], ownerId: t.staffC.userId })).status).toBe(403);
    const given = await massUpdate(t.northManager, { customerIds: [one.id, two.id], ownerId: t.staffB.userId, careStatus: 'Đang chăm sóc' });
    expect(given.body).toMatchObject({ matched: 2, updated: 2, changed: { ownerId: 2, careStatus: 2 } });
    expect(await customer(one.id)).toMatchObject({ ownerId: t.staffB.userId, careStatus: 'Đang chăm sóc' });
    expect(await t.db('ownership_history').whereIn('customer_id', [one.id, two.id]).where({ to_user_id: t.staffB.userId, reason: 'edit' }).count('* as n').first()).toEqual({ n: 2 });
    expect((await massUpdate(t.northManager, { customerIds: [one.id, two.id], ownerId: t.staffB.userId })).body)
      .toMatchObject({ updated: 0, unchanged: 2, changed: { ownerId: 0 }, unchangedBy: { ownerId: 2 } });
  });

  it('is all or nothing: a refused field or customer changes no field at all', async () => {
    const type = (await t.admin.call('POST', '/api/customer-types', { name: 'Loại không đổi' })).body;
    const group = (await t.admin.call('POST', '/api/customer-groups', { name: 'Nhóm không đổi' })).body;
    const own = await create(t.staffA, { name: 'Không đổi gì cả' });
    const sharedWithA = await create(t.staffB, { name: 'Chia sẻ chỉ đọc', assignedUserIds: [t.staffA.userId] });
    const everything = { typeId: type.id, addTags: ['x'], groupIds: [group.id], groupMode: 'add', address: 'Đâu đó' };
    for (const [body, status, field] of [
      [{ customerIds: [own.id, sharedWithA.id], ...everything }, 403, undefined],
      [{ customerIds: [own.id], ...everything, careStatus: 'Không có' }, 400, 'careStatus'],
      [{ customerIds: [own.id], ...everything, typeId: 999999 }, 400, 'typeId'],
      [{ customerIds: [own.id], ...everything, groupIds: [999999] }, 400, 'groupIds'],
      [{ customerIds: [own.id], groupIds: [group.id] }, 400, 'groupMode'],
      [{ customerIds: [own.id], groupMode: 'add' }, 400, 'groupIds'],
      [{ customerIds: [own.id], addTags: ['a'], removeTags: ['a'] }, 400, 'removeTags'],
    ] as const) {
      const response = await massUpdate(t.staffA, body);
      expect(response.status, JSON.stringify(body)).toBe(status);
      if (field) expect(response.body.error.field, JSON.stringify(body)).toBe(field);
    }
    expect(await customer(own.id)).toMatchObject({ typeId: null, tags: [], groupIds: [], address: null, version: 1 });
    expect(await customer(sharedWithA.id)).toMatchObject({ typeId: null, version: 1 });
  });

  it('by filter: a staff member changes only their own among the matches; versions and the list version move', async () => {
    const type = (await t.admin.call('POST', '/api/customer-types', { name: 'Loại lọc' })).body;
    const mine = await insertCustomers(t.db, t.staffA.userId, ['Lọc loại 1', 'Lọc loại 2'], { type_id: type.id });
    const [others] = await insertCustomers(t.db, t.staffC.userId, ['Lọc loại của Cường'], { type_id: type.id });
    const [sharedWithA] = await insertCustomers(t.db, t.staffC.userId, ['Lọc loại chia sẻ'], { type_id: type.id });
    await t.db('customer_shares').insert({ customer_id: sharedWithA, user_id: t.staffA.userId, source: 'share', info_types: ['general'] });
    const listVersion = async () => (await t.db.raw(`SELECT last_value::text AS v FROM crm_list_version`)).rows[0].v as string;
    const before = await listVersion();
    const response = await massUpdate(t.staffA, { filter: { typeId: [type.id] }, careStatus: 'Đã mua hàng', addTags: ['lọc'] });
    expect(response.body).toMatchObject({ matched: 2, updated: 2, changed: { careStatus: 2, addTags: 2 } });
    expect(await listVersion()).not.toBe(before);
    for (const id of mine) expect(await customer(id)).toMatchObject({ careStatus: 'Đã mua hàng', tags: ['lọc'], version: 2 });
    for (const id of [others, sharedWithA]) expect(await customer(id)).toMatchObject({ careStatus: null, version: 1 });
    // The care-status filter finds them through customer_keys.
    const listed = await t.staffA.call('GET', `/api/customers?careStatus=${encodeURIComponent('Đã mua hàng')}&typeId=${type.id}`);
    expect(listed.body.rows.map((row: { id: number }) => row.id).sort()).toEqual([...mine].sort());
  });

  it('a retry with the same Idempotency-Key answers the first answer and changes nothing more', async () => {
    const one = await create(t.staffA, { name: 'Gửi lại hàng loạt' });
    const post = () => t.app.inject({
      method: 'POST', url: '/api/customers/mass-update', payload: { customerIds: [one.id], addTags: ['một lần'] },
      headers: { authorization: `Bearer ${t.staffA.token}`, 'idempotency-key': 'mass-update-retry' },
    });
    const first = await post();
    const retry = await post();
    expect(first.statusCode).toBe(200);
    expect(retry.json()).toEqual(first.json());
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await customer(one.id)).toMatchObject({ tags: ['một lần'], version: 2 });
  });
});
