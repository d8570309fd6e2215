import { poolJobNames } from '../../features/pool/poolSettings';
import { sendPoolReminders } from '../../features/pool/reminders';
import type { JobDefinition } from '../jobContext';

/** Every hour while the pool is started: the owners' reminders of the day (each owner once a day). */
export const poolReminders: JobDefinition = {
  name: poolJobNames.reminders,
  defaultIntervalSeconds: 3600,
  run: async ({ db, asOf }) => {
    const pool = await db('scheduled_jobs').where({ name: poolJobNames.run }).first('enabled');
    if (!pool?.enabled) return;
    await db.transaction((trx) => sendPoolReminders(trx, asOf));
  },
};
