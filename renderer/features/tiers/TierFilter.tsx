import { tiersApi } from '../../api/tiersApi';
import { useApiData } from '../../api/useApiData';
import { useI18n } from '../../i18n/useI18n';

type TierFilterProps = { value: number | undefined; onChange: (tierId: number | undefined) => void };

/** C5 Lọc phân cấp: "Cấp độ" (every customer), then each tier, highest first. */
export function TierFilter({ value, onChange }: TierFilterProps) {
  const { t } = useI18n();
  const { data: tiers } = useApiData(() => tiersApi.list(), []);
  return (
    <label className="toolbar-field">
      <span className="toolbar-label">{t('field.tier')}</span>
      <select value={value ?? ''} onChange={(event) => onChange(event.target.value ? Number(event.target.value) : undefined)}>
        <option value="">{t('customers.filter.allTiers')}</option>
        {(tiers ?? []).map((tier) => (
          <option key={tier.id} value={tier.id}>
            {tier.name}
          </option>
        ))}
      </select>
    </label>
  );
}
