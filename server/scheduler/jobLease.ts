import type { Knex } from 'knex';

/**
 * The lease a process holds on a claimed `scheduled_jobs` row while it runs the job. A heartbeat
 * renews it every third of its length, so a run longer than the lease is never claimed by a
 * second process; when a renewal finds the row taken (the lease had expired, e.g. the process
 * stalled) or fails, `onLost` is told once and the run should stop.
 */
export class JobLease {
  private readonly heartbeat: NodeJS.Timeout;
  private lostReason: Error | undefined;

  constructor(
    private readonly db: Knex,
    private readonly name: string,
    private readonly token: string,
    private readonly seconds: number,
    private readonly onLost: (reason: Error) => void,
  ) {
    this.heartbeat = setInterval(() => void this.renew().catch(() => undefined), (seconds * 1000) / 3);
    this.heartbeat.unref();
  }

  async renew(): Promise<void> {
    if (this.lostReason) throw this.lostReason;
    let renewed: number;
    try {
      const result = await this.db.raw(
        'UPDATE scheduled_jobs SET lease_until = now() + make_interval(secs => ?) WHERE name = ? AND leased_by = ?',
        [this.seconds, this.name, this.token],
      );
      renewed = result.rowCount ?? 0;
    } catch (caught) {
      throw this.lose(new Error(`lease renewal failed: ${caught instanceof Error ? caught.message : String(caught)}`));
    }
    if (renewed === 0) throw this.lose(new Error(`lease on ${this.name} lost`));
  }

  stop(): void {
    clearInterval(this.heartbeat);
  }

  private lose(reason: Error): Error {
    if (!this.lostReason) {
      this.lostReason = reason;
      this.stop();
      this.onLost(reason);
    }
    return this.lostReason;
  }
}
