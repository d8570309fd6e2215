import type { PoolClaimsToday } from '../../../shared/schemas/pool';
import { formatCount } from '../../i18n/formatCount';
import { useI18n } from '../../i18n/useI18n';

/** "Hôm nay bạn đã nhận X / K" (the daily limit, P3), or just how many without a limit. */
export function ClaimsToday({ claims }: { claims: PoolClaimsToday }) {
  const { t, locale } = useI18n();
  const claimed = formatCount(claims.claimedToday, locale);
  return (
    <span className="pool-claims-today" role="status">
      {claims.perDay === null ? t('pool.claimsTodayNoLimit', { claimed }) : t('pool.claimsToday', { claimed, perDay: formatCount(claims.perDay, locale) })}
    </span>
  );
}
