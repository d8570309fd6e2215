import { recomputeAllTiers } from '../../features/tiers/service';
import { readSettings } from '../../features/settings/service';
import { tierSettings } from '../../features/tiers/tierSettings';
import type { JobDefinition } from '../jobContext';

/**
 * C4: while auto-update is on, a nightly full recompute catches what the contract and payment
 * triggers cannot see (a customer restored from the recycle bin, a new customer meeting a 0 ₫
 * tier, a manual tier). The same function as `POST /api/tiers/recompute`, as the system user.
 */
export const recomputeTiers: JobDefinition = {
  name: 'recompute-tiers',
  defaultIntervalSeconds: 24 * 3600,
  run: async ({ db, actor }) => {
    if (!(await readSettings(db, tierSettings)).autoUpdate) return;
    await db.transaction((trx) => recomputeAllTiers(trx, actor));
  },
};
