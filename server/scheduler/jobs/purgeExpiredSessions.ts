import type { JobDefinition } from '../scheduler';

/**
 * Deletes expired sign-in tokens, login attempts older than a day (rate limits look back 15
 * minutes) and Idempotency-Key answers past their 24 h.
 */
export const purgeExpiredSessions: JobDefinition = {
  name: 'purge-expired-sessions',
  defaultIntervalSeconds: 3600,
  run: async (db) => {
    await db('sessions').where('expires_at', '<', db.fn.now()).delete();
    await db('login_attempts').where('at', '<', db.raw(`now() - interval '1 day'`)).delete();
    await db('idempotency_keys').where('created_at', '<', db.raw(`now() - interval '1 day'`)).delete();
  },
};
