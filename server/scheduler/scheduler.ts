import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { Actor } from '../access/actor';
import type { JobDefinition } from './jobContext';
import { JobLease } from './jobLease';
import { loadSystemActor } from './systemActor';

type Options = { tickMs?: number; leaseSeconds?: number; log?: (message: string) => void };

type Claim = { name: string; token: string; asOf: Date };

/**
 * Runs due jobs from the `scheduled_jobs` table. Any number of server processes may run a
 * Scheduler on the same database: claiming takes a lease with SKIP LOCKED, so one process runs
 * each due job; the lease is renewed while the job runs, and a crashed process's lease expires
 * so another takes over. Stopping aborts the running job's signal and waits for it.
 */
export class Scheduler {
  private readonly jobs: Map<string, JobDefinition>;
  private readonly leaseSeconds: number;
  private readonly runs = new Set<AbortController>();
  private actor: Promise<Actor> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<string[]> | undefined;
  private stopping = false;

  constructor(private readonly db: Knex, jobs: JobDefinition[], private readonly options: Options = {}) {
    this.jobs = new Map(jobs.map((job) => [job.name, job]));
    this.leaseSeconds = options.leaseSeconds ?? 600;
  }

  async start(): Promise<void> {
    this.stopping = false;
    await this.systemActor();
    const rows = [...this.jobs.values()].map((job) => ({ name: job.name, interval_seconds: job.defaultIntervalSeconds }));
    if (rows.length) await this.db('scheduled_jobs').insert(rows).onConflict('name').ignore();
    this.timer = setInterval(() => void this.tick(), this.options.tickMs ?? 15_000);
    this.timer.unref();
  }

  /** Claims no more jobs, aborts the running one and waits until it has ended. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    for (const run of this.runs) run.abort(new Error('server shutting down'));
    await this.running;
  }

  /** Claims and runs every job that is due now; returns the names it ran. */
  async tick(): Promise<string[]> {
    if (this.running) return [];
    const work = (async () => {
      const ran: string[] = [];
      for (let claim = await this.claimDue(); claim; claim = await this.claimDue()) {
        await this.execute(claim);
        ran.push(claim.name);
      }
      return ran;
    })();
    this.running = work.finally(() => { this.running = undefined; });
    return this.running;
  }

  private systemActor(): Promise<Actor> {
    this.actor ??= loadSystemActor(this.db);
    return this.actor;
  }

  private async claimDue(): Promise<Claim | undefined> {
    if (this.stopping) return undefined;
    const token = randomUUID();
    const result = await this.db.raw<{ rows: { name: string; as_of: Date }[] }>(
      `UPDATE scheduled_jobs SET leased_by = ?, lease_until = now() + make_interval(secs => ?), last_started_at = now()
        WHERE name = (
          SELECT name FROM scheduled_jobs
           WHERE enabled AND next_run_at <= now() AND name = ANY(?::text[]) AND (lease_until IS NULL OR lease_until < now())
           ORDER BY next_run_at LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING name, last_started_at AS as_of`,
      [token, this.leaseSeconds, [...this.jobs.keys()]],
    );
    const row = result.rows[0];
    return row ? { name: row.name, token, asOf: row.as_of } : undefined;
  }

  private async execute(claim: Claim): Promise<void> {
    const controller = new AbortController();
    this.runs.add(controller);
    const lease = new JobLease(this.db, claim.name, claim.token, this.leaseSeconds, (reason) => controller.abort(reason));
    let error: string | null = null;
    try {
      await this.jobs.get(claim.name)!.run({
        db: this.db, actor: await this.systemActor(), asOf: claim.asOf, signal: controller.signal, renewLease: () => lease.renew(),
      });
    } catch (caught) {
      error = caught instanceof Error ? caught.message : String(caught);
      this.options.log?.(`scheduled job ${claim.name} failed: ${error}`);
    } finally {
      lease.stop();
      this.runs.delete(controller);
    }
    // A run cut short stays due, so the next tick here or in another process repeats it; a run
    // whose lease was lost touches nothing (the row is no longer ours).
    const cutShort = error !== null && controller.signal.aborted;
    await this.db.raw(
      `UPDATE scheduled_jobs SET leased_by = NULL, lease_until = NULL, last_finished_at = now(), last_error = ?,
              next_run_at = CASE WHEN ? THEN next_run_at ELSE now() + make_interval(secs => interval_seconds) END
        WHERE name = ? AND leased_by = ?`,
      [error, cutShort, claim.name, claim.token],
    );
  }
}
