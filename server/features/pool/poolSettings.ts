import { PoolSettings } from '../../../shared/schemas/pool';
import type { SettingDefinition } from '../settings/settingDefinition';

/**
 * Thiết lập › Khách hàng chung (`app_settings` key `pool`). Every rule starts disabled, so a new
 * database moves nothing until an admin turns a rule on. The triggers of migration 0020 read
 * `value->'rules'` of the stored row: keep the key and the shape.
 */
export const poolSettings: SettingDefinition<typeof PoolSettings> = {
  key: 'pool',
  schema: PoolSettings,
  defaults: {
    rules: {
      noActivitySinceLast: { enabled: false, days: 30, activityStatuses: ['done'], contractFilter: 'all' },
      noActivitySinceTransfer: { enabled: false, days: 15, contractFilter: 'all' },
      noContractSinceTransfer: { enabled: false, days: 90 },
    },
    claimLimit: { enabled: false, perDay: 10 },
    intervalMinutes: 60,
    claimCooldownDays: 0,
    reminderDaysBefore: 0,
  },
};

/** The scheduled_jobs rows of the pool (migration 0020 creates them; `pool-run` starts disabled). */
export const poolJobNames = { run: 'pool-run', reminders: 'pool-reminders' } as const;
