import type { JobDefinition } from '../jobContext';

/**
 * Deletes expired sign-in tokens, login attempts older than a day (rate limits look back 15
 * minutes) and Idempotency-Key answers past their 24 h, as of the run's time.
 */
export const purgeExpiredSessions: JobDefinition = {
  name: 'purge-expired-sessions',
  defaultIntervalSeconds: 3600,
  run: async ({ db, asOf }) => {
    await db('sessions').where('expires_at', '<', asOf).delete();
    await db('login_attempts').where('at', '<', db.raw(`?::timestamptz - interval '1 day'`, [asOf])).delete();
    await db('idempotency_keys').where('created_at', '<', db.raw(`?::timestamptz - interval '1 day'`, [asOf])).delete();
  },
};
