import { describe, expect, it } from 'vitest';
import { useCompanyApp } from '../support/companyApp';
import { poolFixtures } from './poolFixtures';

const t = useCompanyApp();
const f = poolFixtures(t);

// A receipt half an hour after midnight in Vietnam is 17:30 UTC the day before: the Vietnamese day counts.
describe('pool rules (SPEC P2): calendar days in Asia/Ho_Chi_Minh', () => {
  it('rule 2: day N−1 stays, day N moves; the boundary is midnight +07, not UTC', async () => {
    await f.saveSettings({ noActivitySinceTransfer: { enabled: true, days: 5 } });
    const afterMidnight = await f.customer(t.staffA, 'Quy tắc 2 sau nửa đêm', '2026-01-10T00:30:00+07:00');
    const beforeMidnight = await f.customer(t.staffA, 'Quy tắc 2 trước nửa đêm', '2026-01-09T23:59:00+07:00');
    const ids = [afterMidnight, beforeMidnight].sort((a, b) => a - b);
    expect(await f.wouldMove('2026-01-13T23:59:59+07:00', ids)).toEqual([]);
    expect(await f.wouldMove('2026-01-14T00:00:00+07:00', ids)).toEqual([beforeMidnight]);
    expect(await f.wouldMove('2026-01-14T23:59:59+07:00', ids)).toEqual([beforeMidnight]);
    // 2026-01-14T17:00Z is already the 15th in Vietnam.
    expect(await f.wouldMove('2026-01-14T17:00:00Z', ids)).toEqual(ids);
    expect(await f.wouldMove('2026-01-14T16:59:59Z', ids)).toEqual([beforeMidnight]);
  });

  it('rule 2: an activity dated the day of receipt counts as after it; one the day before does not', async () => {
    await f.saveSettings({ noActivitySinceTransfer: { enabled: true, days: 5 } });
    const sameDay = await f.customer(t.staffA, 'Giao dịch ngày nhận', '2026-02-10T23:00:00+07:00');
    const dayBefore = await f.customer(t.staffA, 'Giao dịch hôm trước', '2026-02-10T08:00:00+07:00');
    const anyStatus = await f.customer(t.staffA, 'Giao dịch chưa thực hiện', '2026-02-10T08:00:00+07:00');
    await f.activity(sameDay, '2026-02-10');
    await f.activity(dayBefore, '2026-02-09');
    await f.activity(anyStatus, '2026-02-12', 'not_started');
    expect(await f.wouldMove('2026-02-20T12:00:00+07:00', [sameDay, dayBefore, anyStatus])).toEqual([dayBefore]);
  });

  it('rule 1: counts only the chosen statuses from the last activity; without any or received since, from the receipt', async () => {
    await f.saveSettings({ noActivitySinceLast: { enabled: true, days: 10, activityStatuses: ['done'] } });
    const counted = await f.customer(t.staffA, 'Quy tắc 1 đã thực hiện', '2025-12-01T09:00:00+07:00');
    await f.activity(counted, '2026-03-05', 'done');
    await f.activity(counted, '2026-03-12', 'in_progress');
    const none = await f.customer(t.staffA, 'Quy tắc 1 chưa có giao dịch', '2026-03-06T09:00:00+07:00');
    const ids = [counted, none].sort((a, b) => a - b);
    expect(await f.wouldMove('2026-03-14T12:00:00+07:00', ids)).toEqual([]);
    expect(await f.wouldMove('2026-03-15T00:00:00+07:00', ids)).toEqual([counted]);
    expect(await f.wouldMove('2026-03-16T00:00:00+07:00', ids)).toEqual(ids);
    await f.saveSettings({ noActivitySinceLast: { enabled: true, days: 10, activityStatuses: ['done', 'in_progress'] } });
    expect(await f.wouldMove('2026-03-21T23:59:00+07:00', [counted])).toEqual([]);
    expect(await f.wouldMove('2026-03-22T00:00:00+07:00', [counted])).toEqual([counted]);
    // Received (claimed, transferred) after its last activity: the new owner gets the N days from the receipt.
    const claimed = await f.customer(t.staffA, 'Quy tắc 1 mới nhận lại', '2026-04-01T09:00:00+07:00');
    await f.activity(claimed, '2026-01-01');
    expect(await f.wouldMove('2026-04-10T23:59:00+07:00', [claimed])).toEqual([]);
    expect(await f.wouldMove('2026-04-11T00:00:00+07:00', [claimed])).toEqual([claimed]);
    // A deleted activity does not count.
    await t.db('activities').where({ customer_id: counted, status: 'in_progress' }).update({ deleted_at: t.db.fn.now() });
    expect(await f.wouldMove('2026-03-15T00:00:00+07:00', [counted])).toEqual([counted]);
  });

  it('contract filters: with, without, all; rule 3 takes only customers without contracts', async () => {
    const withContract = await f.customer(t.staffB, 'Có hợp đồng', '2025-06-01T09:00:00+07:00');
    const withoutContract = await f.customer(t.staffB, 'Chưa có hợp đồng', '2025-06-01T09:00:00+07:00');
    const deletedContract = await f.customer(t.staffB, 'Hợp đồng đã xóa', '2025-06-01T09:00:00+07:00');
    await f.contract(withContract, '2025-05-01');
    await f.contract(deletedContract, '2025-06-05');
    await t.db('contracts').where({ customer_id: deletedContract }).update({ deleted_at: t.db.fn.now() });
    const ids = [withContract, withoutContract, deletedContract].sort((a, b) => a - b);
    const asOf = '2025-08-01T12:00:00+07:00';
    await f.saveSettings({ noActivitySinceLast: { enabled: true, days: 30, contractFilter: 'with' } });
    expect(await f.wouldMove(asOf, ids)).toEqual([withContract]);
    await f.saveSettings({ noActivitySinceLast: { enabled: true, days: 30, contractFilter: 'without' } });
    expect(await f.wouldMove(asOf, ids)).toEqual([withoutContract, deletedContract]);
    await f.saveSettings({ noActivitySinceTransfer: { enabled: true, days: 30, contractFilter: 'all' } });
    expect(await f.wouldMove(asOf, ids)).toEqual(ids);
    await f.saveSettings({ noContractSinceTransfer: { enabled: true, days: 60 } });
    expect(await f.wouldMove('2025-07-30T23:59:00+07:00', ids)).toEqual([]);
    expect(await f.wouldMove('2025-07-31T00:00:00+07:00', ids)).toEqual([withoutContract, deletedContract]);
  });

  it('rules limited to types and tiers take only those customers', async () => {
    const [vip] = await t.db('customer_types').insert({ name: 'Khách VIP quy tắc' }, ['id']);
    const [gold] = await t.db('tiers').insert({ name: 'Vàng quy tắc', discount_percent: 5, min_amount: 1000000 }, ['id']);
    const typed = await f.customer(t.staffA, 'Loại VIP', '2025-04-01T09:00:00+07:00', { type_id: vip.id });
    const tiered = await f.customer(t.staffA, 'Cấp Vàng', '2025-04-01T09:00:00+07:00', { tier_id: gold.id });
    const plain = await f.customer(t.staffA, 'Không loại không cấp', '2025-04-01T09:00:00+07:00');
    const ids = [typed, tiered, plain].sort((a, b) => a - b);
    const asOf = '2025-05-01T09:00:00+07:00';
    await f.saveSettings({ noActivitySinceTransfer: { enabled: true, days: 10, typeIds: [vip.id] } });
    expect(await f.wouldMove(asOf, ids)).toEqual([typed]);
    await f.saveSettings({ noActivitySinceTransfer: { enabled: true, days: 10, tierIds: [gold.id] } });
    expect(await f.wouldMove(asOf, ids)).toEqual([tiered]);
    await f.saveSettings({ noActivitySinceTransfer: { enabled: true, days: 10, typeIds: [], tierIds: [] } });
    expect(await f.wouldMove(asOf, ids)).toEqual(ids);
  });

  it('dry run lists what a run would move with rule, last activity and days, and writes nothing', async () => {
    await f.saveSettings({ noActivitySinceLast: { enabled: true, days: 20, activityStatuses: ['done'] } });
    const id = await f.customer(t.staffC, 'Xem trước một', '2024-01-01T09:00:00+07:00');
    await f.activity(id, '2024-02-01');
    const before = await t.db('customers').where({ id }).first('owner_id', 'version', 'in_pool');
    const response = await t.admin.call('POST', '/api/pool/run', { dryRun: true, asOf: '2024-03-01T10:00:00+07:00' });
    expect(response.status).toBe(200);
    const row = response.body.preview.rows.find((r: { customerId: number }) => r.customerId === id);
    expect(row).toMatchObject({ rule: 'noActivitySinceLast', lastActivityDate: '2024-02-01', ownerId: t.company.staffC.id, ownerName: 'Đỗ Văn Cường', days: 29 });
    expect(response.body.moved).toBe(response.body.preview.total);
    expect(await t.db('customers').where({ id }).first('owner_id', 'version', 'in_pool')).toEqual(before);
    expect(await t.db('ownership_history').where({ customer_id: id, reason: 'pool' }).first()).toBeUndefined();
    // Staff preview only what they may read.
    const staff = await t.staffA.call('POST', '/api/pool/run', { dryRun: true, asOf: '2024-03-01T10:00:00+07:00' });
    expect(staff.status).toBe(200);
    expect(staff.body.customerIds).not.toContain(id);
  });

  it('a run moves the due customers once: owner kept as previous owner, history, audit, one notice per owner; twice moves nothing', async () => {
    await f.saveSettings({ noActivitySinceTransfer: { enabled: true, days: 3 } });
    const a1 = await f.customer(t.staffB, 'Chạy thật 1', '2023-05-01T09:00:00+07:00');
    const a2 = await f.customer(t.staffB, 'Chạy thật 2', '2023-05-01T09:00:00+07:00');
    const notYet = await f.customer(t.staffB, 'Chưa đến hạn', '2023-05-05T09:00:00+07:00');
    const asOf = '2023-05-04T08:00:00+07:00';
    const run = await t.admin.call('POST', '/api/pool/run', { asOf });
    expect(run.status, JSON.stringify(run.body)).toBe(200);
    expect(run.body.customerIds).toEqual(expect.arrayContaining([a1, a2]));
    expect(run.body.customerIds).not.toContain(notYet);
    expect(run.body.moved).toBe(run.body.customerIds.length);
    const moved = await t.db('customers').whereIn('id', [a1, a2]).select('owner_id', 'previous_owner_id', 'in_pool', 'pool_entered_at');
    for (const row of moved) expect(row).toMatchObject({ owner_id: null, previous_owner_id: t.company.staffB.id, in_pool: true });
    expect(await t.db('ownership_history').whereIn('customer_id', [a1, a2]).where({ reason: 'pool' }).count<{ n: string }[]>('* as n')).toEqual([{ n: 2 }]);
    const notices = await t.db('notifications').where({ user_id: t.company.staffB.id, kind: 'customers_transferred_away' }).select('title', 'data');
    expect(notices).toHaveLength(1);
    expect(notices[0].title).toBe(`${run.body.moved} khách hàng của bạn đã chuyển vào Khách hàng chung`);
    expect(notices[0].data.link).toBe('/pool');
    expect(await t.db('audit_log').where({ action: 'owner_pool' }).count<{ n: string }[]>('* as n')).toEqual([{ n: 1 }]);
    const again = await t.admin.call('POST', '/api/pool/run', { asOf });
    expect(again.body).toEqual({ moved: 0, customerIds: [] });
    const settings = (await t.admin.call('GET', '/api/pool/settings')).body;
    expect(settings.lastRunMoved).toBe(0);
    expect(settings.lastRunAt).not.toBeNull();
    // The previous owner reads it in the pool; the detail names them.
    const detail = await t.staffA.call('GET', `/api/customers/${a1}`);
    expect(detail.body).toMatchObject({ access: 'pool', inPool: true, previousOwnerId: t.company.staffB.id, previousOwnerName: 'Phạm Thị Bình', poolDaysLeft: null });
  });
});
