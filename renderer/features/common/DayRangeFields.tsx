import { useContext } from 'react';
import { useI18n } from '../../i18n/useI18n';
import { FormErrorContext } from '../../ui/formErrorContext';
import { rangeOfPeriod, type RangeDraft } from './dayRange';
import './dayRange.css';
import { PeriodSelect } from './PeriodSelect';

type DayRangeFieldsProps = {
  legend: string;
  value: RangeDraft;
  onChange: (range: RangeDraft) => void;
  /** The API names of the two ends (`startFrom`, `startTo`): an error about one marks its input. */
  fromField: string;
  toField: string;
};

/** A day range typed from/to (dd/MM/yyyy) or filled by picking a period; typing by hand (or Tùy chọn) leaves the period and keeps the days. */
export function DayRangeFields({ legend, value, onChange, fromField, toField }: DayRangeFieldsProps) {
  const { t } = useI18n();
  const formError = useContext(FormErrorContext);
  const invalid = (field: string) => (formError?.field === field ? 'field field-invalid' : 'field');
  return (
    <fieldset className="day-range">
      <legend>{legend}</legend>
      <label className="field">
        <span className="field-label">{t('dayRange.period')}</span>
        <PeriodSelect value={value.period} onChange={(period) => onChange(period ? rangeOfPeriod(period) : { ...value, period: '' })} emptyLabel={t('dayRange.customPeriod')} />
      </label>
      <label className={invalid(fromField)} data-field={fromField}>
        <span className="field-label">{t('dayRange.from')}</span>
        <input value={value.from} onChange={(event) => onChange({ ...value, period: '', from: event.target.value })} placeholder="dd/mm/yyyy" inputMode="numeric" />
      </label>
      <label className={invalid(toField)} data-field={toField}>
        <span className="field-label">{t('dayRange.to')}</span>
        <input value={value.to} onChange={(event) => onChange({ ...value, period: '', to: event.target.value })} placeholder="dd/mm/yyyy" inputMode="numeric" />
      </label>
    </fieldset>
  );
}
