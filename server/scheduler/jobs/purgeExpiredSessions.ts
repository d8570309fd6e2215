import type { JobDefinition } from '../scheduler';

/** Deletes expired sign-in tokens and login attempts older than a day (rate limits look back 15 minutes). */
export const purgeExpiredSessions: JobDefinition = {
  name: 'purge-expired-sessions',
  defaultIntervalSeconds: 3600,
  run: async (db) => {
    await db('sessions').where('expires_at', '<', db.fn.now()).delete();
    await db('login_attempts').where('at', '<', db.raw(`now() - interval '1 day'`)).delete();
  },
};
