import { describe, expect, it } from 'vitest';
import { infoTypes } from '../../shared/schemas/enums';
import type { MultiAssignRule } from '../../shared/schemas/multiAssign';
import { multiAssignRules } from '../../server/scheduler/jobs/multiAssignRules';
import { Scheduler } from '../../server/scheduler/scheduler';
import type { ApiClient } from '../support/apiClient';
import { useCompanyApp } from '../support/companyApp';

const t = useCompanyApp();

async function create(client: ApiClient, name: string, careStatus: string | null = 'multi_assign_pending'): Promise<{ id: number }> {
  const response = await client.call('POST', '/api/customers', careStatus ? { name, careStatus } : { name });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

async function campaignWith(name: string, members: { id: number }[]): Promise<number> {
  const campaign = (await t.admin.call('POST', '/api/campaigns', { name })).body;
  if (members.length) await t.admin.call('POST', `/api/campaigns/${campaign.id}/members`, { customerIds: members.map((m) => m.id) });
  return campaign.id;
}

async function rule(client: ApiClient, body: Record<string, unknown>): Promise<MultiAssignRule> {
  const response = await client.call<MultiAssignRule>('POST', '/api/automations/multi-assign', body);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

const careStatus = async (id: number) => (await t.admin.call('GET', `/api/customers/${id}`)).body.careStatus;
const sharesOf = (customerIds: number[]) =>
  t.db('customer_shares').whereIn('customer_id', customerIds).where({ source: 'multi_assign' }).orderBy(['customer_id', 'user_id'])
    .select('customer_id', 'user_id', 'info_types', 'rule_id');
const notificationsOf = (userId: number) => t.db('notifications').where({ user_id: userId, kind: 'multi_assign_shared' }).orderBy('id');

/** A scheduler process of its own on the test database, whose job is due now. */
async function schedulerTick(): Promise<string[]> {
  const scheduler = new Scheduler(t.db, [multiAssignRules]);
  await scheduler.start();
  await t.db('scheduled_jobs').where({ name: multiAssignRules.name }).update({ next_run_at: t.db.raw('now()') });
  try {
    return await scheduler.tick();
  } finally {
    await scheduler.stop();
  }
}

describe('O4 multi-assign rules', () => {
  it('"Chạy ngay" shares exactly the pending members the assignee may edit with exactly the rule users, and flips them', async () => {
    const pending = [await create(t.staffA, 'Multi chờ 1'), await create(t.staffB, 'Multi chờ 2')];
    const notInCampaign = await create(t.staffA, 'Multi ngoài chiến dịch');
    const otherStatus = await create(t.staffA, 'Multi đang chăm sóc', 'Đang chăm sóc');
    const southern = await create(t.staffC, 'Multi miền Nam');
    const campaignId = await campaignWith('Multi chạy ngay', [...pending, otherStatus, southern]);
    const created = await rule(t.northManager, { name: 'Chia cho miền Bắc', campaignId, userIds: [t.staffB.userId, t.staffC.userId], active: false });
    expect(created).toMatchObject({
      assigneeId: t.company.northManager.id, assigneeName: 'Lê Quản Lý Bắc', campaignName: 'Multi chạy ngay', intervalMinutes: 60,
      users: [{ id: t.staffB.userId, fullName: 'Phạm Thị Bình' }, { id: t.staffC.userId, fullName: 'Đỗ Văn Cường' }],
      lastRunAt: null, lastRunCount: null, nextRunAt: null, pendingCount: 3,
    });

    const run = await t.northManager.call('POST', `/api/automations/multi-assign/${created.id}/run`);
    expect(run.status).toBe(200);
    // B owns pending[1], so B gets only pending[0]; C gets both. The southern customer is outside the assignee's reach.
    expect(run.body).toMatchObject({ shared: 2, users: 2, newShares: 3, skipped: 1 });
    expect(await sharesOf([...pending, notInCampaign, otherStatus, southern].map((c) => c.id))).toEqual([
      { customer_id: pending[0].id, user_id: t.staffB.userId, info_types: [...infoTypes], rule_id: created.id },
      { customer_id: pending[0].id, user_id: t.staffC.userId, info_types: [...infoTypes], rule_id: created.id },
      { customer_id: pending[1].id, user_id: t.staffC.userId, info_types: [...infoTypes], rule_id: created.id },
    ]);
    expect(await careStatus(pending[0].id)).toBe('multi_assign_done');
    expect(await careStatus(pending[1].id)).toBe('multi_assign_done');
    expect(await careStatus(notInCampaign.id)).toBe('multi_assign_pending');
    expect(await careStatus(otherStatus.id)).toBe('Đang chăm sóc');
    expect(await careStatus(southern.id)).toBe('multi_assign_pending');

    // Read-only for the rule's users.
    const seen = await t.staffC.call('GET', `/api/customers/${pending[0].id}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ access: 'read', infoTypes: [...infoTypes] });
    expect((await t.staffC.call('PATCH', `/api/customers/${pending[0].id}`, { version: seen.body.version, name: 'Sửa' })).status).toBe(403);
    expect((await t.staffC.call('GET', `/api/customers/${notInCampaign.id}`)).status).toBe(404);

    // One notification per user, with the count.
    expect((await notificationsOf(t.staffC.userId)).map((n) => n.data)).toEqual([expect.objectContaining({ count: 2, ruleId: created.id, ruleName: 'Chia cho miền Bắc' })]);
    expect((await notificationsOf(t.staffB.userId)).map((n) => n.data.count)).toEqual([1]);
    const after = (await t.northManager.call<MultiAssignRule>('GET', `/api/automations/multi-assign/${created.id}`)).body;
    expect(after).toMatchObject({ lastRunCount: 2, pendingCount: 1 });
    expect(new Date(after.lastRunAt!).getTime()).toBeGreaterThan(Date.now() - 60_000);

    // Running again shares nothing new and notifies nobody.
    const again = await t.northManager.call('POST', `/api/automations/multi-assign/${created.id}/run`);
    expect(again.body).toMatchObject({ shared: 0, users: 0, newShares: 0, skipped: 1 });
    expect(await notificationsOf(t.staffC.userId)).toHaveLength(1);
    expect((await sharesOf(pending.map((c) => c.id))).length).toBe(3);

    // A member set pending later is shared by the next run, and only it.
    const later = await create(t.staffA, 'Multi sau', null);
    await t.staffA.call('POST', '/api/customers/mass-update', { customerIds: [later.id], careStatus: 'multi_assign_pending', campaignId });
    expect((await t.northManager.call('POST', `/api/automations/multi-assign/${created.id}/run`)).body).toMatchObject({ shared: 1, newShares: 2 });
    expect((await sharesOf([later.id])).map((row) => Number(row.user_id))).toEqual([t.staffB.userId, t.staffC.userId]);
  });

  it('the scheduler runs due active rules as the system user, the same run; inactive and not-yet-due rules wait', async () => {
    const activeMember = await create(t.staffA, 'Lịch chạy 1');
    const inactiveMember = await create(t.staffA, 'Lịch không chạy');
    const active = await rule(t.admin, { name: 'Theo lịch', campaignId: await campaignWith('Theo lịch', [activeMember]), userIds: [t.staffB.userId], active: true, intervalMinutes: 30 });
    const inactive = await rule(t.admin, { name: 'Tạm dừng', campaignId: await campaignWith('Tạm dừng', [inactiveMember]), userIds: [t.staffB.userId], active: false });
    expect(active.nextRunAt).not.toBeNull();

    expect(await schedulerTick()).toEqual([multiAssignRules.name]);
    expect(await careStatus(activeMember.id)).toBe('multi_assign_done');
    expect(await careStatus(inactiveMember.id)).toBe('multi_assign_pending');
    expect((await sharesOf([activeMember.id])).map((row) => Number(row.user_id))).toEqual([t.staffB.userId]);
    const system = await t.db('users').where({ is_system: true }).first('id');
    const audit = await t.db('audit_log').where({ action: 'multi_assign_run' }).whereRaw(`(detail->>'ruleId')::bigint = ?`, [active.id]).select('user_id', 'detail');
    expect(audit).toEqual([{ user_id: system.id, detail: expect.objectContaining({ trigger: 'schedule', shared: 1, users: 1 }) }]);
    const ran = (await t.admin.call<MultiAssignRule>('GET', `/api/automations/multi-assign/${active.id}`)).body;
    expect(ran.lastRunCount).toBe(1);

    // Within its interval the rule is not run again, even when the job itself is due.
    const next = await create(t.staffA, 'Lịch chạy 2');
    await t.admin.call('POST', `/api/campaigns/${active.campaignId}/members`, { customerIds: [next.id] });
    await schedulerTick();
    expect(await careStatus(next.id)).toBe('multi_assign_pending');
    // Once the interval has passed, it is.
    await t.db('multi_assign_rules').where({ id: active.id }).update({ last_run_at: t.db.raw(`now() - interval '31 minutes'`) });
    await schedulerTick();
    expect(await careStatus(next.id)).toBe('multi_assign_done');
    // "Chạy ngay" runs even an inactive rule, through the same run (audited as manual, by the caller).
    expect((await t.admin.call('POST', `/api/automations/multi-assign/${inactive.id}/run`)).body.shared).toBe(1);
    const manual = await t.db('audit_log').where({ action: 'multi_assign_run' }).whereRaw(`(detail->>'ruleId')::bigint = ?`, [inactive.id]).first('user_id', 'detail');
    expect(Number(manual.user_id)).toBe(t.admin.userId);
    expect(manual.detail).toMatchObject({ trigger: 'manual', shared: 1 });
  });

  it('two server processes ticking at once run a due rule once', async () => {
    const member = await create(t.staffA, 'Hai tiến trình');
    const twice = await rule(t.admin, { name: 'Một lần', campaignId: await campaignWith('Một lần', [member]), userIds: [t.staffB.userId, t.staffC.userId], active: true });
    const processes = [new Scheduler(t.db, [multiAssignRules]), new Scheduler(t.db, [multiAssignRules])];
    await Promise.all(processes.map((scheduler) => scheduler.start()));
    await t.db('scheduled_jobs').where({ name: multiAssignRules.name }).update({ next_run_at: t.db.raw('now()') });
    const ran = await Promise.all(processes.map((scheduler) => scheduler.tick()));
    await Promise.all(processes.map((scheduler) => scheduler.stop()));
    expect(ran.flat()).toEqual([multiAssignRules.name]);
    expect(await t.db('audit_log').where({ action: 'multi_assign_run' }).whereRaw(`(detail->>'ruleId')::bigint = ?`, [twice.id]).count('* as n').first()).toEqual({ n: 1 });
    expect(await sharesOf([member.id])).toHaveLength(2);
  });

  it('managers and admins manage rules; a manager only their department’s, and cannot widen a rule’s reach', async () => {
    const campaignId = await campaignWith('Quyền quy tắc', []);
    const body = { name: 'Quyền', campaignId, userIds: [t.staffB.userId], active: false };
    expect((await t.staffA.call('POST', '/api/automations/multi-assign', body)).status).toBe(403);
    expect((await t.staffA.call('GET', '/api/automations/multi-assign')).status).toBe(403);
    const southern = await rule(t.admin, { ...body, assigneeId: t.company.staffC.id });
    expect((await t.northManager.call('GET', `/api/automations/multi-assign/${southern.id}`)).status).toBe(404);
    expect((await t.northManager.call('POST', `/api/automations/multi-assign/${southern.id}/run`)).status).toBe(404);
    expect((await t.northManager.call('PATCH', `/api/automations/multi-assign/${southern.id}`, { active: true })).status).toBe(404);
    expect((await t.northManager.call<MultiAssignRule[]>('GET', '/api/automations/multi-assign')).body.map((r) => r.id)).not.toContain(southern.id);
    expect((await t.salesManager.call('PATCH', `/api/automations/multi-assign/${southern.id}`, { active: true })).body.active).toBe(true);

    for (const assigneeId of [t.company.staffC.id, t.company.salesManager.id]) {
      const widened = await t.northManager.call('POST', '/api/automations/multi-assign', { ...body, assigneeId });
      expect(widened.status).toBe(403);
      expect(widened.body.error.field).toBe('assigneeId');
    }
    const own = await rule(t.northManager, { ...body, assigneeId: t.company.staffA.id });
    const edited = await t.northManager.call('PATCH', `/api/automations/multi-assign/${own.id}`, { name: 'Đổi tên', userIds: [t.staffC.userId, t.staffB.userId], intervalMinutes: 15 });
    expect(edited.body).toMatchObject({ name: 'Đổi tên', userIds: [t.staffC.userId, t.staffB.userId], intervalMinutes: 15, assigneeId: t.company.staffA.id });
    expect((await t.northManager.call('DELETE', `/api/automations/multi-assign/${own.id}`)).status).toBe(200);
    expect((await t.northManager.call('GET', `/api/automations/multi-assign/${own.id}`)).status).toBe(404);
    expect((await t.northManager.call('POST', `/api/automations/multi-assign/${own.id}/run`)).status).toBe(404);
  });

  it('answers hostile input with 400 naming the field', async () => {
    const campaignId = await campaignWith('Dữ liệu sai', []);
    const deleted = await campaignWith('Đã xóa quy tắc', []);
    await t.admin.call('DELETE', `/api/campaigns/${deleted}`);
    const disabled = (await t.admin.call('POST', '/api/users', { username: 'nghi.viec', password: 'Nghi-Viec-123', fullName: 'Nghỉ Việc', role: 'staff', active: false })).body;
    const valid = { name: 'Hợp lệ', campaignId, userIds: [t.staffB.userId], active: true };
    for (const [body, field] of [
      [{ ...valid, name: '' }, 'name'],
      [{ ...valid, name: '   ' }, 'name'],
      [{ ...valid, campaignId: 'x' }, 'campaignId'],
      [{ ...valid, campaignId: deleted }, 'campaignId'],
      [{ ...valid, userIds: [] }, 'userIds'],
      [{ ...valid, userIds: [t.staffB.userId, t.staffB.userId] }, 'userIds'],
      [{ ...valid, userIds: [disabled.id] }, 'userIds'],
      [{ ...valid, userIds: [999999] }, 'userIds'],
      [{ ...valid, intervalMinutes: 0 }, 'intervalMinutes'],
      [{ ...valid, intervalMinutes: 1.5 }, 'intervalMinutes'],
      [{ ...valid, assigneeId: disabled.id }, 'assigneeId'],
      [{ ...valid, active: 'maybe' }, 'active'],
      [{ name: 'Thiếu' }, 'campaignId'],
    ] as const) {
      const response = await t.admin.call('POST', '/api/automations/multi-assign', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.field, JSON.stringify(body)).toBe(field);
    }
    const created = await rule(t.admin, valid);
    const empty = await t.admin.call('PATCH', `/api/automations/multi-assign/${created.id}`, {});
    expect(empty.status).toBe(400);
  });
});
