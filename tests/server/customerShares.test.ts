import { beforeAll, describe, expect, it } from 'vitest';
import { infoTypes } from '../../shared/schemas/enums';
import { useCompanyApp } from '../support/companyApp';

const t = useCompanyApp();
let customerId: number;
let batchId: number;
let backBatchId: number;
let sharedAt: { manual: string; batch: string };

async function activity(subject: string, ownerId = t.staffA.userId) {
  const [row] = await t.db('activities').insert({
    customer_id: customerId, owner_id: ownerId, type: 'call', subject, date: '2026-03-02', status: 'done', created_by: ownerId,
  }, ['id']);
  return row.id as number;
}

async function transferred(body: Record<string, unknown>): Promise<number> {
  const response = await t.salesManager.call('POST', '/api/customers/transfer-owner', body);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.batchId;
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

  // A transfer to Cường sharing old activities and contracts: it shares two live activities and
  // one contract; not the activity deleted since, not his own, not the quote (kind not chosen),
  // not the activity written after it. Then the customer goes back to An (no options: no shares).
  const contract = await t.staffA.call('POST', '/api/contracts', { customerId, date: '2026-03-12', value: 11_000_000 });
  expect(contract.status).toBe(201);
  const quote = await t.staffA.call('POST', '/api/quotes', { customerId, date: '2026-03-10', value: 5_000_000 });
  expect(quote.status).toBe(201);
  await activity('Gọi điện giới thiệu');
  await activity('Gửi báo giá');
  const gone = await activity('Hẹn gặp');
  await activity('Việc của Cường', t.staffC.userId);
  batchId = await transferred({ customerIds: [customerId], userIds: [t.staffC.userId], shareOldActivities: true, shareOldContracts: true });
  await activity('Gọi sau khi chuyển');
  await t.db('activities').where({ id: gone }).update({ deleted_at: t.db.fn.now() });
  backBatchId = await transferred({ customerIds: [customerId], userIds: [t.staffA.userId] });

  // A record shared one by one shows as well (no batch); one of another customer does not show here.
  await t.db('record_shares').insert({ record_type: 'quote', record_id: quote.body.id, user_id: t.staffB.userId });
  const other = await t.staffA.call('POST', '/api/customers', { name: 'Công ty Khác' });
  const [foreign] = await t.db('activities').insert({
    customer_id: other.body.id, owner_id: t.staffA.userId, type: 'call', subject: 'Khác', date: '2026-03-02', status: 'done',
  }, ['id']);
  await t.db('record_shares').insert({ record_type: 'activity', record_id: foreign.id, user_id: t.staffB.userId });
  const batch = await t.db('transfer_batches').where({ id: batchId }).first('created_at');
  sharedAt = { manual: manual.created_at.toISOString(), batch: batch.created_at.toISOString() };
});

describe('GET /api/customers/:id/shares', () => {
  it('answers each reason a user sees the customer: manual share by whom, Giao cho, a rule by name, records shared by a batch', async () => {
    const response = await t.staffA.call('GET', `/api/customers/${customerId}/shares`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    // Vietnamese order: Đỗ Văn Cường before Phạm Thị Bình.
    const noDepartment = { departmentId: null, departmentName: null };
    expect(response.body).toEqual([
      {
        userId: t.staffC.userId, userName: 'Đỗ Văn Cường', ...noDepartment, source: 'assigned', infoTypes: [...infoTypes], sharedByName: 'Nguyễn Văn An',
        sharedAt: expect.any(String), ruleName: null, batchId: null, records: [],
      },
      {
        userId: t.staffC.userId, userName: 'Đỗ Văn Cường', ...noDepartment, source: 'transfer', infoTypes: ['activities', 'contracts'], sharedByName: 'Trần Quản Lý',
        sharedAt: sharedAt.batch, ruleName: null, batchId, records: [{ type: 'activity', count: 2 }, { type: 'contract', count: 1 }],
      },
      {
        userId: t.staffB.userId, userName: 'Phạm Thị Bình', ...noDepartment, source: 'multi_assign', infoTypes: ['general'], sharedByName: null,
        sharedAt: expect.any(String), ruleName: 'Chăm sóc miền Bắc', batchId: null, records: [],
      },
      {
        userId: t.staffB.userId, userName: 'Phạm Thị Bình', ...noDepartment, source: 'share', infoTypes: ['general', 'contacts', 'activities'],
        sharedByName: 'Lê Quản Lý Bắc', sharedAt: sharedAt.manual, ruleName: null, batchId: null, records: [],
      },
      {
        userId: t.staffB.userId, userName: 'Phạm Thị Bình', ...noDepartment, source: 'transfer', infoTypes: ['quotes'], sharedByName: null,
        sharedAt: expect.any(String), ruleName: null, batchId: null, records: [{ type: 'quote', count: 1 }],
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

  it('no longer lists what a batch shared once it is undone', async () => {
    const mine = await t.staffA.call('POST', '/api/customers', { name: 'Công ty Hoàn Tác' });
    await t.staffA.call('POST', '/api/contracts', { customerId: mine.body.id, date: '2026-03-12', value: 1_000_000 });
    const response = await t.northManager.call('POST', '/api/customers/transfer-owner', { customerIds: [mine.body.id], userIds: [t.staffB.userId], shareOldContracts: true });
    const transfers = async () => (await t.northManager.call('GET', `/api/customers/${mine.body.id}/shares`)).body
      .filter((reason: { source: string }) => reason.source === 'transfer');
    expect(await transfers()).toMatchObject([{ userId: t.staffB.userId, batchId: response.body.batchId, records: [{ type: 'contract', count: 1 }] }]);
    expect((await t.northManager.call('POST', `/api/transfer-batches/${response.body.batchId}/undo`)).status).toBe(200);
    expect(await transfers()).toEqual([]);
  });

  it('shows the batch of each ownership change in the history', async () => {
    const history = await t.staffA.call('GET', `/api/customers/${customerId}/history`);
    expect(history.status).toBe(200);
    expect(history.body.map((change: { reason: string; batchId: number | null }) => [change.reason, change.batchId]))
      .toEqual([['transfer', backBatchId], ['transfer', batchId], ['create', null]]);
  });
});
