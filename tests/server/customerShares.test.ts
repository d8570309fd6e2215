import { beforeAll, describe, expect, it } from 'vitest';
import { infoTypes } from '../../shared/schemas/enums';
import { useCompanyApp } from '../support/companyApp';

const t = useCompanyApp();
let customerId: number;
let batchId: number;
let sharedAt: { manual: string; batch: string };

async function activity(subject: string) {
  const [row] = await t.db('activities').insert({
    customer_id: customerId, owner_id: t.staffA.userId, type: 'call', subject, date: '2026-03-02', status: 'done', created_by: t.staffA.userId,
  }, ['id']);
  return row.id as number;
}

beforeAll(async () => {
  const created = await t.staffA.call('POST', '/api/customers', { name: 'Công ty TNHH Hoa Sen', assignedUserIds: [t.staffC.userId] });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  customerId = created.body.id;
  const [manual] = await t.db('customer_shares').insert({
    customer_id: customerId, user_id: t.staffB.userId, source: 'share', info_types: ['general', 'contacts', 'activities'], created_by: t.northManager.userId,
  }, ['created_at']);
  const [campaign] = await t.db('campaigns').insert({ name: 'Tri ân 2026' }, ['id']);
  const [rule] = await t.db('multi_assign_rules').insert({ name: 'Chăm sóc miền Bắc', assignee_id: t.northManager.userId, campaign_id: campaign.id }, ['id']);
  await t.db('customer_shares').insert({ customer_id: customerId, user_id: t.staffB.userId, source: 'multi_assign', info_types: ['general'], rule_id: rule.id });

  // Old records a transfer shared with Cường: two live activities, one deleted since (not counted), one contract.
  const [batch] = await t.db('transfer_batches').insert({ created_by: t.salesManager.userId, customer_count: 1 }, ['id', 'created_at']);
  batchId = batch.id;
  const contract = await t.staffA.call('POST', '/api/contracts', { customerId, date: '2026-03-12', value: 11_000_000 });
  expect(contract.status).toBe(201);
  const [first, second, gone] = [await activity('Gọi điện giới thiệu'), await activity('Gửi báo giá'), await activity('Hẹn gặp')];
  await t.db('activities').where({ id: gone }).update({ deleted_at: t.db.fn.now() });
  await t.db('record_shares').insert([
    ...[first, second, gone].map((id) => ({ record_type: 'activity', record_id: id, user_id: t.staffC.userId, batch_id: batchId })),
    { record_type: 'contract', record_id: contract.body.id, user_id: t.staffC.userId, batch_id: batchId },
  ]);
  // A record another customer's transfer shared does not show here.
  const other = await t.staffA.call('POST', '/api/customers', { name: 'Công ty Khác' });
  const [foreign] = await t.db('activities').insert({
    customer_id: other.body.id, owner_id: t.staffA.userId, type: 'call', subject: 'Khác', date: '2026-03-02', status: 'done',
  }, ['id']);
  await t.db('record_shares').insert({ record_type: 'activity', record_id: foreign.id, user_id: t.staffB.userId, batch_id: batchId });
  sharedAt = { manual: manual.created_at.toISOString(), batch: batch.created_at.toISOString() };
});

describe('GET /api/customers/:id/shares', () => {
  it('answers each reason a user sees the customer: manual share by whom, Giao cho, a rule by name, records shared by a batch', async () => {
    const response = await t.staffA.call('GET', `/api/customers/${customerId}/shares`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    // Vietnamese order: Đỗ Văn Cường before Phạm Thị Bình.
    expect(response.body).toEqual([
      {
        userId: t.staffC.userId, userName: 'Đỗ Văn Cường', source: 'assigned', infoTypes: [...infoTypes], sharedByName: 'Nguyễn Văn An',
        sharedAt: expect.any(String), ruleName: null, batchId: null, records: [],
      },
      {
        userId: t.staffC.userId, userName: 'Đỗ Văn Cường', source: 'transfer', infoTypes: ['activities', 'contracts'], sharedByName: 'Trần Quản Lý',
        sharedAt: sharedAt.batch, ruleName: null, batchId, records: [{ type: 'activity', count: 2 }, { type: 'contract', count: 1 }],
      },
      {
        userId: t.staffB.userId, userName: 'Phạm Thị Bình', source: 'multi_assign', infoTypes: ['general'], sharedByName: null,
        sharedAt: expect.any(String), ruleName: 'Chăm sóc miền Bắc', batchId: null, records: [],
      },
      {
        userId: t.staffB.userId, userName: 'Phạm Thị Bình', source: 'share', infoTypes: ['general', 'contacts', 'activities'],
        sharedByName: 'Lê Quản Lý Bắc', sharedAt: sharedAt.manual, ruleName: null, batchId: null, records: [],
      },
    ]);
  });

  it('answers the same to the managers above the owner and to admins', async () => {
    const mine = (await t.staffA.call('GET', `/api/customers/${customerId}/shares`)).body;
    for (const client of [t.northManager, t.salesManager, t.admin]) {
      const response = await client.call('GET', `/api/customers/${customerId}/shares`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual(mine);
    }
  });

  it('is refused (403) to users who only read the customer, 404 to those who cannot see it', async () => {
    expect((await t.staffB.call('GET', `/api/customers/${customerId}/shares`)).status).toBe(403);
    expect((await t.staffC.call('GET', `/api/customers/${customerId}/shares`)).status).toBe(403);
    const [hidden] = await t.db('customers').insert({ name: 'Công ty Ẩn', code: 'AN0001', owner_id: t.salesManager.userId }, ['id']);
    expect((await t.staffA.call('GET', `/api/customers/${hidden.id}/shares`)).status).toBe(404);
  });

  it('shows the batch of an ownership change in the history', async () => {
    await t.db('ownership_history').insert({ customer_id: customerId, from_user_id: t.staffB.userId, to_user_id: t.staffA.userId, reason: 'transfer', batch_id: batchId });
    const history = await t.staffA.call('GET', `/api/customers/${customerId}/history`);
    expect(history.status).toBe(200);
    expect(history.body.map((change: { reason: string; batchId: number | null }) => [change.reason, change.batchId])).toEqual([['transfer', batchId], ['create', null]]);
  });
});
