import type { Knex } from 'knex';
import type { Actor } from '../access/actor';

/** What a scheduled job runs with. */
export type JobContext = {
  db: Knex;
  /** The system user (migration 0013): audit rows and created_by columns of scheduled work name it. */
  actor: Actor;
  /** The moment this run evaluates "now" as: when it was claimed, by the database's clock (the same for every process). */
  asOf: Date;
  /**
   * Aborted when the server shuts down or the run's lease is lost (another process may take the
   * job over). A job checks it between its transactions and stops; what it committed stays.
   */
  signal: AbortSignal;
  /**
   * Extends the lease now; throws when it was lost. The scheduler already renews it every third
   * of the lease while the job runs, so only a job that blocks the event loop needs to call it.
   */
  renewLease: () => Promise<void>;
};

export type JobDefinition = {
  name: string;
  /** Used when the job's row is first created; settings screens may change the row later. */
  defaultIntervalSeconds: number;
  /** Idempotent: a run after a crash, an aborted run or a "run now" must be safe to repeat. */
  run: (context: JobContext) => Promise<void>;
};
