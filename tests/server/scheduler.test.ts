import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/appType';
import type { Db } from '../../server/db/database';
import type { JobContext, JobDefinition } from '../../server/scheduler/jobContext';
import { Scheduler } from '../../server/scheduler/scheduler';
import { purgeExpiredSessions } from '../../server/scheduler/jobs/purgeExpiredSessions';
import { signInAdmin, type ApiClient } from '../support/apiClient';
import { createTestApp } from '../support/testServer';

let app: App;
let db: Db;
let close: () => Promise<void>;
let admin: ApiClient;

beforeAll(async () => {
  ({ app, db, close } = await createTestApp());
  admin = await signInAdmin(app);
});
afterAll(() => close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const jobRow = (name: string) => db('scheduled_jobs').where({ name }).first();

/** A job that records its contexts and runs until `release()` (or its signal aborts). */
function controllableJob(name: string) {
  const contexts: JobContext[] = [];
  let release: () => void = () => {};
  const job: JobDefinition = {
    name,
    defaultIntervalSeconds: 3600,
    run: async (context) => {
      contexts.push(context);
      await new Promise<void>((resolve, reject) => {
        release = resolve;
        context.signal.addEventListener('abort', () => reject(context.signal.reason));
      });
    },
  };
  return { job, contexts, release: () => release() };
}

describe('scheduler', () => {
  it('runs a due job once across several server processes', async () => {
    let runs = 0;
    const job: JobDefinition = {
      name: 'count-runs',
      defaultIntervalSeconds: 3600,
      run: async () => {
        runs++;
        await sleep(50);
      },
    };
    const processes = [new Scheduler(db, [job]), new Scheduler(db, [job]), new Scheduler(db, [job])];
    await Promise.all(processes.map((scheduler) => scheduler.start()));
    const ran = await Promise.all(processes.map((scheduler) => scheduler.tick()));
    expect(runs).toBe(1);
    expect(ran.flat()).toEqual(['count-runs']);
    // Not due again until its interval has passed.
    expect((await processes[0].tick())).toEqual([]);
    const row = await jobRow('count-runs');
    expect(row.lease_until).toBeNull();
    expect(new Date(row.next_run_at).getTime()).toBeGreaterThan(Date.now() + 3500_000);
    await Promise.all(processes.map((scheduler) => scheduler.stop()));
  });

  it('records a failure and releases the lease so the next run can happen', async () => {
    const failing: JobDefinition = { name: 'always-fails', defaultIntervalSeconds: 1, run: async () => { throw new Error('boom'); } };
    const scheduler = new Scheduler(db, [failing]);
    await scheduler.start();
    await scheduler.tick();
    const row = await jobRow('always-fails');
    expect(row.last_error).toBe('boom');
    expect(row.leased_by).toBeNull();
    await scheduler.stop();
  });

  it('gives a job the system user, the claim time as asOf and a live signal', async () => {
    const { job, contexts, release } = controllableJob('context-job');
    const scheduler = new Scheduler(db, [job]);
    await scheduler.start();
    const ticking = scheduler.tick();
    await expect.poll(() => contexts.length).toBe(1);
    const [context] = contexts;
    const system = await db('users').where({ is_system: true }).first('id', 'username', 'full_name', 'role', 'active');
    expect(context.actor).toEqual({ id: system.id, username: '@system', fullName: 'Hệ thống', role: 'admin', departmentId: null, departmentPath: null });
    expect(system.active).toBe(false);
    expect(context.asOf.getTime()).toBe(new Date((await jobRow('context-job')).last_started_at).getTime());
    expect(context.signal.aborted).toBe(false);
    await context.renewLease();
    release();
    expect(await ticking).toEqual(['context-job']);
    await scheduler.stop();
  });

  it('keeps renewing the lease of a job that runs past it: a second process never claims it meanwhile', async () => {
    let runs = 0;
    const slow: JobDefinition = {
      name: 'slow-sweep',
      defaultIntervalSeconds: 1,
      run: async () => {
        runs++;
        await sleep(3000);
      },
    };
    // The job outlives its 1 s lease three times over; only renewal keeps the second process out.
    // (No comparison of lease_until with this process's clock: on a loaded machine that flakes.)
    const first = new Scheduler(db, [slow], { leaseSeconds: 1 });
    const second = new Scheduler(db, [slow], { leaseSeconds: 1 });
    await Promise.all([first.start(), second.start()]);
    const running = first.tick();
    const claimedBySecond: string[] = [];
    const until = Date.now() + 2700;
    while (Date.now() < until) {
      await sleep(150);
      claimedBySecond.push(...(await second.tick()));
    }
    expect(await running).toEqual(['slow-sweep']);
    expect(claimedBySecond).toEqual([]);
    expect(runs).toBe(1);
    await Promise.all([first.stop(), second.stop()]);
  });

  it('aborts the running job on stop and leaves it due, so another process repeats it', async () => {
    const { job, contexts } = controllableJob('stoppable');
    const scheduler = new Scheduler(db, [job]);
    await scheduler.start();
    const ticking = scheduler.tick();
    await expect.poll(() => contexts.length).toBe(1);
    const dueAt = (await jobRow('stoppable')).next_run_at;
    await scheduler.stop();
    expect(contexts[0].signal.aborted).toBe(true);
    expect(await ticking).toEqual(['stoppable']);
    const row = await jobRow('stoppable');
    expect(row.leased_by).toBeNull();
    expect(row.last_error).toBe('server shutting down');
    expect(row.next_run_at).toEqual(dueAt);

    const other = controllableJob('stoppable');
    const otherProcess = new Scheduler(db, [other.job]);
    await otherProcess.start();
    const again = otherProcess.tick();
    await expect.poll(() => other.contexts.length).toBe(1);
    other.release();
    expect(await again).toEqual(['stoppable']);
    await otherProcess.stop();
  });

  it('aborts a job whose lease was taken over, and its end leaves the new holder alone', async () => {
    const { job, contexts } = controllableJob('lease-lost');
    const scheduler = new Scheduler(db, [job], { leaseSeconds: 0.6 });
    await scheduler.start();
    const ticking = scheduler.tick();
    await expect.poll(() => contexts.length).toBe(1);
    // As if this process had stalled past its lease and another had claimed the row.
    await db('scheduled_jobs').where({ name: 'lease-lost' }).update({ leased_by: 'another-process', lease_until: db.raw(`now() + interval '1 minute'`) });
    await expect.poll(() => contexts[0].signal.aborted, { timeout: 2000 }).toBe(true);
    await expect(contexts[0].renewLease()).rejects.toThrow(/lease on lease-lost lost/);
    await ticking;
    expect((await jobRow('lease-lost')).leased_by).toBe('another-process');
    await scheduler.stop();
  });

  it('purges expired sessions and old login attempts as of the run', async () => {
    const [user] = await db('users').insert({ username: 'u1', password_hash: 'x', full_name: 'U', role: 'staff' }, ['id']);
    await db('sessions').insert([
      { token_hash: 'old', user_id: user.id, expires_at: db.raw(`now() - interval '1 minute'`) },
      { token_hash: 'live', user_id: user.id, expires_at: db.raw(`now() + interval '1 hour'`) },
    ]);
    await db('login_attempts').delete();
    await db('login_attempts').insert({ username: 'u1', ip: '1.1.1.1', succeeded: false, at: db.raw(`now() - interval '2 days'`) });
    const scheduler = new Scheduler(db, [purgeExpiredSessions]);
    await scheduler.start();
    expect(await scheduler.tick()).toEqual(['purge-expired-sessions']);
    await scheduler.stop();
    const tokens = (await db('sessions').where({ user_id: user.id }).select('token_hash')).map((row) => row.token_hash);
    expect(tokens).toEqual(['live']);
    expect(await db('login_attempts').count('* as n').first()).toEqual({ n: 0 });
  });
});

describe('the system user', () => {
  it('cannot sign in, is not listed, cannot be edited or activated', async () => {
    const system = await db('users').where({ is_system: true }).first('id');
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '@system', password: '!' } });
    expect(login.statusCode).toBe(401);
    const users = await admin.call<{ id: number }[]>('GET', '/api/users');
    expect(users.body.map((user) => user.id)).not.toContain(system.id);
    expect((await admin.call('GET', `/api/users/${system.id}`)).status).toBe(404);
    const activate = await admin.call('PATCH', `/api/users/${system.id}`, { active: true, password: 'Take-Over-123' });
    expect(activate.status).toBe(404);
    await expect(db('users').where({ id: system.id }).update({ active: true })).rejects.toThrow(/users_system_never_active/);
  });
});
