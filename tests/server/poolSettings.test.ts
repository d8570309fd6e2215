import { describe, expect, it } from 'vitest';
import { poolReminders } from '../../server/scheduler/jobs/poolReminders';
import { poolRun } from '../../server/scheduler/jobs/poolRun';
import { sendPoolReminders } from '../../server/features/pool/reminders';
import { useCompanyApp } from '../support/companyApp';
import { tickJob } from '../support/schedulerTick';
import { poolFixtures, rulesOff } from './poolFixtures';

const t = useCompanyApp();
const f = poolFixtures(t);

const body = { rules: rulesOff, claimLimit: { enabled: false, perDay: 10 }, intervalMinutes: 60 };

describe('pool settings', () => {
  it('start stopped with every rule off; GET for everyone, PUT / start / stop / run for admins only', async () => {
    const read = await t.staffA.call('GET', '/api/pool/settings');
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ running: false, nextRunAt: null, lastRunAt: null, lastRunMoved: null, claimCooldownDays: 0, reminderDaysBefore: 0, intervalMinutes: 60 });
    expect(read.body.rules.noActivitySinceLast.enabled).toBe(false);
    for (const [method, url, payload] of [['PUT', '/api/pool/settings', body], ['POST', '/api/pool/start', {}], ['POST', '/api/pool/stop', {}], ['POST', '/api/pool/run', {}]] as const) {
      expect((await t.northManager.call(method, url, payload)).status, url).toBe(403);
    }
    expect((await t.staffA.call('POST', '/api/pool/run', { dryRun: true })).status).toBe(200);
  });

  it('PUT saves SPEC’s shape with the extras, keeps extras it was not given, is audited, and echoes the GET shape back', async () => {
    const saved = await t.admin.call('PUT', '/api/pool/settings', {
      ...body, claimCooldownDays: 3, reminderDaysBefore: 2,
      rules: { ...rulesOff, noActivitySinceLast: { ...rulesOff.noActivitySinceLast, typeIds: [1], tierIds: [] } },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const specOnly = await t.admin.call('PUT', '/api/pool/settings', { ...body, intervalMinutes: 30 });
    expect(specOnly.body).toMatchObject({ claimCooldownDays: 3, reminderDaysBefore: 2, intervalMinutes: 30 });
    // What GET answered may be sent back as is.
    const echoed = await t.admin.call('PUT', '/api/pool/settings', specOnly.body);
    expect(echoed.status, JSON.stringify(echoed.body)).toBe(200);
    expect(await t.db('audit_log').where({ action: 'update', entity: 'settings' }).whereRaw(`detail->>'key' = 'pool'`).count<{ n: number }[]>('* as n')).toEqual([{ n: 3 }]);
    await t.admin.call('PUT', '/api/pool/settings', { ...body, claimCooldownDays: 0, reminderDaysBefore: 0 });
  });

  it('recomputes the days left only when the rules change', async () => {
    await f.saveSettings({ noContractSinceTransfer: { enabled: true, days: 30 } });
    const id = await f.customer(t.staffA, 'Chỉ đổi giới hạn', '2026-01-01T09:00:00+07:00');
    // A marker row the rules would never write: it survives a save that keeps the rules.
    await t.db('customer_pool_due').where({ customer_id: id }).update({ due_on: '2000-01-01' });
    await f.saveSettings({ noContractSinceTransfer: { enabled: true, days: 30 } }, { claimLimit: { enabled: true, perDay: 3 }, intervalMinutes: 15 });
    const dueOn = async () => (await t.db.raw(`SELECT due_on::text AS d FROM customer_pool_due WHERE customer_id = ?`, [id])).rows[0].d;
    expect(await dueOn()).toBe('2000-01-01');
    await f.saveSettings({ noContractSinceTransfer: { enabled: true, days: 31 } });
    expect(await dueOn()).toBe('2026-02-01');
    await f.saveSettings({});
  });

  it('refuses hostile settings with 400 naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ ...body, rules: { ...rulesOff, noActivitySinceLast: { ...rulesOff.noActivitySinceLast, days: 0 } } }, 'rules.noActivitySinceLast.days'],
      [{ ...body, rules: { ...rulesOff, noActivitySinceTransfer: { ...rulesOff.noActivitySinceTransfer, days: 1.5 } } }, 'rules.noActivitySinceTransfer.days'],
      [{ ...body, rules: { ...rulesOff, noActivitySinceLast: { ...rulesOff.noActivitySinceLast, activityStatuses: ['finished'] } } }, 'rules.noActivitySinceLast.activityStatuses.0'],
      [{ ...body, rules: { ...rulesOff, noActivitySinceLast: { ...rulesOff.noActivitySinceLast, contractFilter: 'some' } } }, 'rules.noActivitySinceLast.contractFilter'],
      [{ ...body, claimLimit: { enabled: true, perDay: 0 } }, 'claimLimit.perDay'],
      [{ ...body, intervalMinutes: 4 }, 'intervalMinutes'],
      [{ ...body, intervalMinutes: 10081 }, 'intervalMinutes'],
      [{ ...body, claimCooldownDays: -1 }, 'claimCooldownDays'],
      [{ ...body, rules: { ...rulesOff, noContractSinceTransfer: { ...rulesOff.noContractSinceTransfer, contractFilter: 'with' } } }, 'rules.noContractSinceTransfer.contractFilter'],
      [{ ...body, rules: { ...rulesOff, noActivitySinceLast: { ...rulesOff.noActivitySinceLast, dayz: 3 } } }, 'rules.noActivitySinceLast.dayz'],
      [{ ...body, surprise: true }, 'surprise'],
      [{ ...body, rules: { ...rulesOff, noActivitySinceLast: undefined } }, 'rules.noActivitySinceLast'],
    ];
    for (const [payload, field] of cases) {
      const response = await t.admin.call('PUT', '/api/pool/settings', payload);
      expect(response.status, field).toBe(400);
      expect(response.body.error.field, JSON.stringify(response.body)).toBe(field);
    }
    expect((await t.admin.call('POST', '/api/pool/run', { dryRun: 'yes please' })).status).toBe(400);
    expect((await t.admin.call('POST', '/api/pool/run', { asOf: 'tomorrow' })).body.error.field).toBe('asOf');
    expect((await t.staffA.call('POST', '/api/pool/claim', { customerIds: [1], everything: true })).body.error.field).toBe('everything');
  });

  it('Start runs the schedule every intervalMinutes, Stop ends it; the job is Reset’s run and records the last run', async () => {
    const started = await t.admin.call('POST', '/api/pool/start', {});
    expect(started.status).toBe(200);
    expect(started.body.running).toBe(true);
    const next = new Date(started.body.nextRunAt).getTime();
    expect(Math.abs(next - Date.now() - 60 * 60_000)).toBeLessThan(60_000);
    expect(await t.db('scheduled_jobs').where({ name: 'pool-run' }).first('enabled', 'interval_seconds')).toEqual({ enabled: true, interval_seconds: 3600 });

    await f.saveSettings({ noContractSinceTransfer: { enabled: true, days: 30 } });
    const due = await f.customer(t.staffA, 'Lịch chạy', '2021-01-01T09:00:00+07:00');
    expect(await tickJob(t.db, poolRun)).toEqual(['pool-run']);
    expect(await f.inPool(due)).toBe(true);
    const state = (await t.staffA.call('GET', '/api/pool/settings')).body;
    expect(state.lastRunMoved).toBeGreaterThanOrEqual(1);
    expect(state.lastRunAt).not.toBeNull();
    const stopped = await t.admin.call('POST', '/api/pool/stop', {});
    expect(stopped.body).toMatchObject({ running: false, nextRunAt: null });
    await f.saveSettings({});
  });

  it('poolDaysLeft follows the rules and moves the moment an activity or contract is written; sort and filter by it', async () => {
    await f.saveSettings({ noActivitySinceLast: { enabled: true, days: 10, activityStatuses: ['done'] } });
    const today = (await t.db.raw(`SELECT crm_vn_day(now())::text AS d`)).rows[0].d as string;
    const received = new Date(`${today}T09:00:00+07:00`).toISOString();
    const fresh = await f.customer(t.staffB, 'Còn lại mới nhận', received);
    const old = await f.customer(t.staffB, 'Còn lại đã lâu', '2020-01-01T09:00:00+07:00');
    const days = async (id: number) => (await t.staffB.call('GET', `/api/customers/${id}`)).body.poolDaysLeft;
    expect(await days(fresh)).toBe(10);
    expect(await days(old)).toBe(0);
    await f.activity(old, today);
    expect(await days(old)).toBe(10);
    await t.db('activities').where({ customer_id: old }).update({ status: 'in_progress' });
    expect(await days(old)).toBe(0);
    await f.saveSettings({ noContractSinceTransfer: { enabled: true, days: 5 } });
    expect(await days(fresh)).toBe(5);
    await f.contract(fresh, today);
    expect(await days(fresh)).toBeNull();
    const within = await t.staffB.call('GET', '/api/customers?poolDueWithin=0');
    expect(within.body.rows.map((r: { id: number }) => r.id)).toContain(old);
    expect(within.body.rows.map((r: { id: number }) => r.id)).not.toContain(fresh);
    await f.saveSettings({});
    expect(await days(old)).toBeNull();
  });

  it('reminds each owner once a day of the customers a rule would take within reminderDaysBefore days', async () => {
    await f.saveSettings({ noActivitySinceTransfer: { enabled: true, days: 30 } }, { reminderDaysBefore: 3 });
    const today = (await t.db.raw(`SELECT crm_vn_day(now())::text AS d`)).rows[0].d as string;
    const soon = await f.customer(t.northManager, 'Sắp chuyển', new Date(Date.parse(`${today}T09:00:00+07:00`) - 28 * 86_400_000).toISOString());
    await f.customer(t.northManager, 'Còn xa', new Date(`${today}T09:00:00+07:00`).toISOString());
    const reminders = () => t.db('notifications').where({ user_id: t.northManager.userId, kind: 'pool_reminder' }).select('title', 'data');
    await t.db.transaction((trx) => sendPoolReminders(trx));
    let sent = await reminders();
    expect(sent).toHaveLength(1);
    expect(sent[0].data).toMatchObject({ count: 1, days: 3, customerIds: [soon], link: '/customers?poolDueWithin=3' });
    expect(sent[0].title).toContain('1 khách hàng của bạn');
    await t.db.transaction((trx) => sendPoolReminders(trx));
    // The job: only while the pool runs, and still once a day.
    await t.admin.call('POST', '/api/pool/start', {});
    expect(await tickJob(t.db, poolReminders)).toEqual(['pool-reminders']);
    sent = await reminders();
    expect(sent).toHaveLength(1);
    // The next day it reminds again.
    await t.db.transaction((trx) => sendPoolReminders(trx, new Date(Date.now() + 86_400_000)));
    expect(await reminders()).toHaveLength(2);
    await t.admin.call('POST', '/api/pool/stop', {});
    await f.saveSettings({}, { reminderDaysBefore: 0 });
  });
});
