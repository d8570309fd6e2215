import { formatMoney } from '../../../shared/format';
import type { Customer } from '../../../shared/schemas/customers';
import { tiersApi } from '../../api/tiersApi';
import { useApiData } from '../../api/useApiData';
import { useI18n } from '../../i18n/useI18n';

/** The customer detail's tier: name and discount, and how far the next tier is ("Còn 12.000.000 ₫ nữa để lên Vàng"). */
export function CustomerTierSummary({ customer }: { customer: Pick<Customer, 'id' | 'version' | 'revenue' | 'tierId'> }) {
  const { t } = useI18n();
  // Refetched when the customer changes (a new version, revenue or tier).
  const { data } = useApiData(() => tiersApi.ofCustomer(customer.id), [customer.id, customer.version, customer.revenue, customer.tierId]);
  if (!data) return null;
  const next = data.next;
  return (
    <span className="customer-tier">
      {data.tier ? `${data.tier.name} · ${t('tiers.detail.discount', { percent: data.discountPercent ?? 0 })}` : t('tiers.detail.none')}
      {next && (
        <span className="muted">
          {' · '}
          {next.missingAmount !== null
            ? t('tiers.detail.nextAmount', { amount: formatMoney(next.missingAmount), name: next.tier.name })
            : t('tiers.detail.nextContracts', { count: next.missingContracts ?? 0, name: next.tier.name })}
        </span>
      )}
      {!next && data.tier && data.current.amount !== null && <span className="muted"> · {t('tiers.detail.top')}</span>}
    </span>
  );
}
