import { TierSettings } from '../../../shared/schemas/tiers';
import type { SettingDefinition } from '../settings/settingDefinition';

/**
 * Thiết lập › Phân cấp khách hàng. The triggers of migration 0021 read the same `app_settings`
 * entry in SQL with these defaults (`crm_tier_setting('basis', 'revenue')`, `('autoUpdate', 'true')`).
 */
export const tierSettings: SettingDefinition<typeof TierSettings> = {
  key: 'tiers',
  schema: TierSettings,
  defaults: { basis: 'revenue', autoUpdate: true },
};
