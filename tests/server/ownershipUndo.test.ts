import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/apiClient';
import { useCompanyApp } from '../support/companyApp';
import { batchNotifications, insertCustomers, insertRecord, ownersOf, visibleRecordIds } from './ownershipFixtures';

const t = useCompanyApp();

const assignedLongAgo = new Date('2026-03-04T05:06:07.123Z');

async function transferred(client: ApiClient, body: Record<string, unknown>): Promise<number> {
  const response = await client.call('POST', '/api/customers/transfer-owner', body);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.batchId;
}

describe('O1 undo of a transfer batch', () => {
  it('restores owner, previous owner, assignment time, open activities and takes back the batch shares; skips customers changed since', async () => {
    const A = t.staffA.userId;
    const B = t.staffB.userId;
    const [kept, edited, deleted] = await insertCustomers(t.db, A, ['Hoàn tác giữ', 'Hoàn tác đã sửa', 'Hoàn tác đã xóa'], {
      previous_owner_id: t.staffC.userId, owner_assigned_at: assignedLongAgo,
    });
    const open = await insertRecord(t.db, 'activities', kept, A, { status: 'in_progress' });
    const reassigned = await insertRecord(t.db, 'activities', kept, A, { status: 'not_started' });
    const contract = await insertRecord(t.db, 'contracts', kept, A);
    const earlierShare = await insertRecord(t.db, 'quotes', kept, A);
    await t.db('record_shares').insert({ record_type: 'quote', record_id: earlierShare, user_id: B });
    const batchId = await transferred(t.northManager, {
      customerIds: [kept, edited, deleted], userIds: [B], transferOpenActivities: true, shareOldContracts: true, shareOldQuotes: true,
    });
    expect((await t.db('activities').where({ id: open }).first('owner_id')).owner_id).toBe(B);

    // After the transfer: B edits one customer, someone deletes another, an activity changes hands again.
    expect((await t.staffB.call('PATCH', `/api/customers/${edited}`, { version: 2, phone: '0909000111' })).status).toBe(200);
    expect((await t.staffB.call('DELETE', `/api/customers/${deleted}`)).status).toBe(200);
    await t.db('activities').where({ id: reassigned }).update({ owner_id: t.northManager.userId });

    const undo = await t.northManager.call('POST', `/api/transfer-batches/${batchId}/undo`);
    expect(undo.status, JSON.stringify(undo.body)).toBe(200);
    expect(undo.body).toEqual({ restored: 1, skipped: [{ customerId: edited, reason: 'changed_since' }, { customerId: deleted, reason: 'deleted' }].sort((x, y) => x.customerId - y.customerId) });

    const restored = await t.db('customers').where({ id: kept }).first('owner_id', 'previous_owner_id', 'owner_assigned_at', 'version');
    expect(restored).toEqual({ owner_id: A, previous_owner_id: t.staffC.userId, owner_assigned_at: assignedLongAgo, version: 3 });
    const editedRow = await t.db('customers').where({ id: edited }).first('owner_id', 'phone', 'version');
    expect(editedRow).toEqual({ owner_id: B, phone: '0909000111', version: 3 });
    expect((await ownersOf(t.db, [deleted]))[deleted]).toBe(B);
    expect((await t.db('activities').where({ id: open }).first('owner_id')).owner_id).toBe(A);
    expect((await t.db('activities').where({ id: reassigned }).first('owner_id')).owner_id).toBe(t.northManager.userId);
    // Bình no longer sees the contract the batch shared; the quote shared with her one by one stays.
    expect(await visibleRecordIds(t.staffB, kept)).toEqual({ activities: [], contracts: [], quotes: [earlierShare], opportunities: [], orders: [] });
    expect((await t.staffB.call('GET', `/api/contracts/${contract}`)).status).toBe(404);

    expect(await t.db('ownership_history').where({ customer_id: kept, reason: 'undo', batch_id: batchId }).select('from_user_id', 'to_user_id'))
      .toEqual([{ from_user_id: B, to_user_id: A }]);
    expect(await t.db('ownership_history').where({ customer_id: edited, reason: 'undo' }).count('* as n').first()).toEqual({ n: 0 });
    const notices = [...await batchNotifications(t.db, A, batchId), ...await batchNotifications(t.db, B, batchId)].filter((n) => n.kind === 'transfer_undone');
    expect(notices.map((n) => n.data.direction).sort()).toEqual(['lost', 'received']);

    const again = await t.northManager.call('POST', `/api/transfer-batches/${batchId}/undo`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_UNDONE');
    const batch = await t.northManager.call('GET', `/api/transfer-batches/${batchId}`);
    expect(batch.body).toMatchObject({ id: batchId, createdBy: t.northManager.userId, customerCount: 3, canUndo: false });
    expect(batch.body.undoneAt).not.toBeNull();
  });

  it('takes back what the batch shared even from customers it skips', async () => {
    const [id] = await insertCustomers(t.db, t.staffA.userId, ['Hoàn tác chia sẻ']);
    const contract = await insertRecord(t.db, 'contracts', id, t.staffA.userId);
    const activity = await insertRecord(t.db, 'activities', id, t.staffA.userId, { status: 'done' });
    const batchId = await transferred(t.admin, { customerIds: [id], userIds: [t.staffB.userId], shareOldContracts: true, shareOldActivities: true });
    await transferred(t.admin, { customerIds: [id], userIds: [t.staffC.userId] });
    const shared = { activities: [activity], contracts: [contract], quotes: [], opportunities: [], orders: [] };
    expect(await visibleRecordIds(t.staffB, id)).toEqual(shared);

    const undo = await t.admin.call('POST', `/api/transfer-batches/${batchId}/undo`);
    expect(undo.body).toEqual({ restored: 0, skipped: [{ customerId: id, reason: 'changed_since' }] });
    expect(await visibleRecordIds(t.staffB, id)).toEqual({ activities: [], contracts: [], quotes: [], opportunities: [], orders: [] });
    expect((await t.staffB.call('GET', `/api/activities/${activity}`)).status).toBe(404);
  });

  it('only the same user or an admin may undo; others are refused and nothing changes', async () => {
    const [id] = await insertCustomers(t.db, t.staffA.userId, ['Hoàn tác người khác']);
    const batchId = await transferred(t.northManager, { customerIds: [id], userIds: [t.staffB.userId] });
    for (const client of [t.salesManager, t.staffB]) {
      const response = await client.call('POST', `/api/transfer-batches/${batchId}/undo`);
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('UNDO_NOT_ALLOWED');
    }
    expect((await ownersOf(t.db, [id]))[id]).toBe(t.staffB.userId);
    expect((await t.salesManager.call('GET', `/api/transfer-batches/${batchId}`)).body.canUndo).toBe(false);
    expect((await t.northManager.call('GET', `/api/transfer-batches/${batchId}`)).body.canUndo).toBe(true);
    expect((await t.admin.call('GET', `/api/transfer-batches/${batchId}`)).body.canUndo).toBe(true);
    expect((await t.staffC.call('GET', `/api/transfer-batches/${batchId}`)).status).toBe(404);

    const byAdmin = await t.admin.call('POST', `/api/transfer-batches/${batchId}/undo`);
    expect(byAdmin.body).toEqual({ restored: 1, skipped: [] });
    expect((await ownersOf(t.db, [id]))[id]).toBe(t.staffA.userId);
  });

  it('refuses after 24 hours and skips customers whose old owner is no longer active', async () => {
    const [old] = await insertCustomers(t.db, t.staffA.userId, ['Quá hạn hoàn tác']);
    const expired = await transferred(t.admin, { customerIds: [old], userIds: [t.staffB.userId] });
    await t.db('transfer_batches').where({ id: expired }).update({ created_at: t.db.raw(`now() - interval '25 hours'`) });
    const late = await t.admin.call('POST', `/api/transfer-batches/${expired}/undo`);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('UNDO_EXPIRED');
    expect((await t.admin.call('GET', `/api/transfer-batches/${expired}`)).body.canUndo).toBe(false);

    const leaver = (await t.admin.call('POST', '/api/users', { username: 'sap.nghi', password: 'Staff-Pass-123', fullName: 'Sắp Nghỉ', departmentId: t.company.departments.north.id, role: 'staff' })).body;
    const [id] = await insertCustomers(t.db, leaver.id, ['Chủ cũ nghỉ việc']);
    const batchId = await transferred(t.admin, { customerIds: [id], userIds: [t.staffB.userId] });
    await t.admin.call('PATCH', `/api/users/${leaver.id}`, { active: false });
    const undo = await t.admin.call('POST', `/api/transfer-batches/${batchId}/undo`);
    expect(undo.body).toEqual({ restored: 0, skipped: [{ customerId: id, reason: 'owner_inactive' }] });
    expect((await ownersOf(t.db, [id]))[id]).toBe(t.staffB.userId);
  });

  it('unknown batches answer 404', async () => {
    expect((await t.admin.call('POST', '/api/transfer-batches/987654/undo')).status).toBe(404);
    expect((await t.admin.call('GET', '/api/transfer-batches/987654')).status).toBe(404);
    expect((await t.admin.call('GET', '/api/transfer-batches/abc')).status).toBe(400);
  });
});
