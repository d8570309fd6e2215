import { periods, type Period } from '../../../shared/periods';
import { useI18n } from '../../i18n/useI18n';

type PeriodSelectProps = {
  value: Period | '';
  onChange: (period: Period | '') => void;
  /** The label of the '' choice (a range typed by hand, or no range); without it every choice is a period. */
  emptyLabel?: string;
  ariaLabel?: string;
};

/** Hôm nay … Năm trước (shared/periods.ts, calendar days in Asia/Ho_Chi_Minh). */
export function PeriodSelect({ value, onChange, emptyLabel, ariaLabel }: PeriodSelectProps) {
  const { t } = useI18n();
  return (
    <select aria-label={ariaLabel} value={value} onChange={(event) => onChange(periods.find((period) => period === event.target.value) ?? '')}>
      {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
      {periods.map((period) => (
        <option key={period} value={period}>
          {t(`period.${period}`)}
        </option>
      ))}
    </select>
  );
}
