import { formatMoney } from '../../../shared/format';
import type { Tier } from '../../../shared/schemas/tiers';
import type { Translate } from '../../i18n/translate';

/** "≥ 50.000.000 ₫" or "≥ 3 hợp đồng". */
export function tierThreshold(tier: Pick<Tier, 'minAmount' | 'minContracts'>, t: Translate): string {
  return tier.minAmount !== null
    ? t('tiers.atLeastAmount', { amount: formatMoney(tier.minAmount) })
    : t('tiers.atLeastContracts', { count: tier.minContracts ?? 0 });
}
