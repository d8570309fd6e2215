import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';

export type JobDefinition = {
  name: string;
  /** Used when the job's row is first created; settings screens may change the row later. */
  defaultIntervalSeconds: number;
  /** Idempotent: a run after a crash or a "run now" must be safe to repeat. */
  run: (db: Knex) => Promise<void>;
};

type Options = { tickMs?: number; leaseSeconds?: number; log?: (message: string) => void };

/**
 * Runs due jobs from the `scheduled_jobs` table. Any number of server processes may run a
 * Scheduler on the same database: claiming takes a lease with SKIP LOCKED, so one process runs
 * each due job; a crashed process's lease expires and another takes over.
 */
export class Scheduler {
  private readonly workerId = randomUUID();
  private readonly jobs: Map<string, JobDefinition>;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly db: Knex, jobs: JobDefinition[], private readonly options: Options = {}) {
    this.jobs = new Map(jobs.map((job) => [job.name, job]));
  }

  async start(): Promise<void> {
    const rows = [...this.jobs.values()].map((job) => ({ name: job.name, interval_seconds: job.defaultIntervalSeconds }));
    if (rows.length) await this.db('scheduled_jobs').insert(rows).onConflict('name').ignore();
    this.timer = setInterval(() => void this.tick(), this.options.tickMs ?? 15_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Claims and runs every job that is due now; returns the names it ran. */
  async tick(): Promise<string[]> {
    if (this.running) return [];
    const ran: string[] = [];
    const work = (async () => {
      for (let name = await this.claimDue(); name; name = await this.claimDue()) {
        await this.execute(name);
        ran.push(name);
      }
    })();
    this.running = work.finally(() => { this.running = undefined; });
    await this.running;
    return ran;
  }

  private async claimDue(): Promise<string | undefined> {
    const names = [...this.jobs.keys()];
    const result = await this.db.raw<{ rows: { name: string }[] }>(
      `UPDATE scheduled_jobs SET leased_by = ?, lease_until = now() + make_interval(secs => ?), last_started_at = now()
        WHERE name = (
          SELECT name FROM scheduled_jobs
           WHERE enabled AND next_run_at <= now() AND name = ANY(?::text[]) AND (lease_until IS NULL OR lease_until < now())
           ORDER BY next_run_at LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING name`,
      [this.workerId, this.options.leaseSeconds ?? 600, names],
    );
    return result.rows[0]?.name;
  }

  private async execute(name: string): Promise<void> {
    let error: string | null = null;
    try {
      await this.jobs.get(name)!.run(this.db);
    } catch (caught) {
      error = caught instanceof Error ? caught.message : String(caught);
      this.options.log?.(`scheduled job ${name} failed: ${error}`);
    }
    await this.db.raw(
      `UPDATE scheduled_jobs SET leased_by = NULL, lease_until = NULL, last_finished_at = now(), last_error = ?,
              next_run_at = now() + make_interval(secs => interval_seconds)
        WHERE name = ? AND leased_by = ?`,
      [error, name, this.workerId],
    );
  }
}
