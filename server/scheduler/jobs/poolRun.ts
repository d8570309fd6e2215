import { runPool } from '../../features/pool/runPool';
import { poolJobNames } from '../../features/pool/poolSettings';
import type { JobDefinition } from '../jobContext';

/**
 * P2: while the pool is started (its row enabled; Start/Stop flip it, the settings set its
 * interval), one run as of the claim time as the system user — the same run as Reset.
 */
export const poolRun: JobDefinition = {
  name: poolJobNames.run,
  defaultIntervalSeconds: 3600,
  run: async ({ db, actor, asOf }) => {
    await db.transaction((trx) => runPool(trx, actor, { asOf, trigger: 'schedule' }));
  },
};
