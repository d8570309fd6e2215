import { useI18n } from '../../i18n/useI18n';

const starLevels = [1, 2, 3, 4, 5];

type StarsFilterProps = { value: number[]; onChange: (stars: number[]) => void };

/** Pick any of 1–5 stars (C6); none picked = all. */
export function StarsFilter({ value, onChange }: StarsFilterProps) {
  const { t } = useI18n();
  const toggle = (level: number) => onChange(value.includes(level) ? value.filter((item) => item !== level) : [...value, level].sort());
  return (
    <div className="stars-filter" role="group" aria-label={t('customers.filter.stars')}>
      <span className="toolbar-label">{t('customers.filter.stars')}</span>
      {starLevels.map((level) => (
        <button
          key={level}
          type="button"
          className={value.includes(level) ? 'star-toggle star-toggle-on' : 'star-toggle'}
          aria-pressed={value.includes(level)}
          aria-label={t('customers.filter.starLevel', { count: level })}
          onClick={() => toggle(level)}
        >
          {level}★
        </button>
      ))}
    </div>
  );
}
