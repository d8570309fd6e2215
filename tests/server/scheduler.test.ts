import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/database';
import { Scheduler, type JobDefinition } from '../../server/scheduler/scheduler';
import { purgeExpiredSessions } from '../../server/scheduler/jobs/purgeExpiredSessions';
import { createTestDatabase } from '../support/testDatabase';

let db: Db;

beforeAll(async () => {
  ({ db } = await createTestDatabase());
});
afterAll(() => db.destroy());

describe('scheduler', () => {
  it('runs a due job once across several server processes', async () => {
    let runs = 0;
    const job: JobDefinition = {
      name: 'count-runs',
      defaultIntervalSeconds: 3600,
      run: async () => {
        runs++;
        await new Promise((resolve) => setTimeout(resolve, 50));
      },
    };
    const processes = [new Scheduler(db, [job]), new Scheduler(db, [job]), new Scheduler(db, [job])];
    await Promise.all(processes.map((scheduler) => scheduler.start()));
    const ran = await Promise.all(processes.map((scheduler) => scheduler.tick()));
    expect(runs).toBe(1);
    expect(ran.flat()).toEqual(['count-runs']);
    // Not due again until its interval has passed.
    expect((await processes[0].tick())).toEqual([]);
    const row = await db('scheduled_jobs').where({ name: 'count-runs' }).first();
    expect(row.lease_until).toBeNull();
    expect(new Date(row.next_run_at).getTime()).toBeGreaterThan(Date.now() + 3500_000);
    await Promise.all(processes.map((scheduler) => scheduler.stop()));
  });

  it('records a failure and releases the lease so the next run can happen', async () => {
    const failing: JobDefinition = { name: 'always-fails', defaultIntervalSeconds: 1, run: async () => { throw new Error('boom'); } };
    const scheduler = new Scheduler(db, [failing]);
    await scheduler.start();
    await scheduler.tick();
    const row = await db('scheduled_jobs').where({ name: 'always-fails' }).first();
    expect(row.last_error).toBe('boom');
    expect(row.leased_by).toBeNull();
    await scheduler.stop();
  });

  it('purges expired sessions and old login attempts', async () => {
    const [user] = await db('users').insert({ username: 'u1', password_hash: 'x', full_name: 'U', role: 'staff' }, ['id']);
    await db('sessions').insert([
      { token_hash: 'old', user_id: user.id, expires_at: db.raw(`now() - interval '1 minute'`) },
      { token_hash: 'live', user_id: user.id, expires_at: db.raw(`now() + interval '1 hour'`) },
    ]);
    await db('login_attempts').insert({ username: 'u1', ip: '1.1.1.1', succeeded: false, at: db.raw(`now() - interval '2 days'`) });
    await purgeExpiredSessions.run(db);
    expect((await db('sessions').select('token_hash')).map((row) => row.token_hash)).toEqual(['live']);
    expect(await db('login_attempts').count('* as n').first()).toEqual({ n: 0 });
  });
});
