import type { Db } from '../../server/db/database';
import type { JobDefinition } from '../../server/scheduler/jobContext';
import { Scheduler } from '../../server/scheduler/scheduler';

/** One tick of a scheduler process of its own on `db`, with `job` due now; answers the jobs it ran. */
export async function tickJob(db: Db, job: JobDefinition): Promise<string[]> {
  const scheduler = new Scheduler(db, [job]);
  await scheduler.start();
  await db('scheduled_jobs').where({ name: job.name }).update({ next_run_at: db.raw('now()') });
  try {
    return await scheduler.tick();
  } finally {
    await scheduler.stop();
  }
}
