import type { Knex } from 'knex';

/**
 * Schedules as data: one row per job. A server process claims a due row (FOR UPDATE SKIP LOCKED,
 * with a lease), so each run happens once across every process sharing the database.
 */
export const scheduledJobs = {
  name: '20261123_0002_scheduled_jobs',
  up: (knex: Knex) => knex.raw(`
    CREATE TABLE scheduled_jobs (
      name text PRIMARY KEY,
      interval_seconds integer NOT NULL CHECK (interval_seconds > 0),
      enabled boolean NOT NULL DEFAULT true,
      next_run_at timestamptz NOT NULL DEFAULT now(),
      leased_by text,
      lease_until timestamptz,
      last_started_at timestamptz,
      last_finished_at timestamptz,
      last_error text
    );`),
  down: (knex: Knex) => knex.raw('DROP TABLE scheduled_jobs'),
};
