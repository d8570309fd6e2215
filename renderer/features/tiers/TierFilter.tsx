import { useI18n } from '../../i18n/useI18n';
import { TierSelect } from './TierSelect';

type TierFilterProps = { value: number | undefined; onChange: (tierId: number | undefined) => void };

/** C5 Lọc phân cấp: "Cấp độ" (every customer), then each tier, highest first. */
export function TierFilter({ value, onChange }: TierFilterProps) {
  const { t } = useI18n();
  return (
    <label className="toolbar-field">
      <span className="toolbar-label">{t('field.tier')}</span>
      <TierSelect value={value ?? null} onChange={(tierId) => onChange(tierId ?? undefined)} emptyLabel={t('customers.filter.allTiers')} />
    </label>
  );
}
