import { useI18n } from '../../i18n/useI18n';
import { Field } from '../../ui/Field';
import type { PoolSettingsDraft } from './poolSettingsDraft';

type NumberSetting = 'perDay' | 'claimCooldownDays' | 'reminderDaysBefore' | 'intervalMinutes';

/** Claim limit (P3), claim cooldown, reminder before a move and the scheduled run's interval. */
export function PoolLimitsSection({ draft, onChange }: { draft: PoolSettingsDraft; onChange: (draft: PoolSettingsDraft) => void }) {
  const { t } = useI18n();
  const number = (setting: NumberSetting, min: number) => (
    <input className="pool-number" type="number" min={min} step={1} value={draft[setting]} onChange={(event) => onChange({ ...draft, [setting]: event.target.value })} />
  );
  return (
    <fieldset className="pool-rule">
      <legend>{t('pool.otherSettings')}</legend>
      <label className="checkbox">
        <input type="checkbox" checked={draft.claimLimitEnabled} onChange={(event) => onChange({ ...draft, claimLimitEnabled: event.target.checked })} />
        {t('pool.claimLimit.enabled')}
      </label>
      <div className="pool-rule-fields">
        <Field label={t('pool.claimLimit.perDay')} name="claimLimit.perDay">
          {number('perDay', 1)}
        </Field>
        <Field label={t('pool.claimCooldownDays')} name="claimCooldownDays">
          {number('claimCooldownDays', 0)}
          <span className="pool-hint">{t('pool.zeroIsOff')}</span>
        </Field>
        <Field label={t('pool.reminderDaysBefore')} name="reminderDaysBefore">
          {number('reminderDaysBefore', 0)}
          <span className="pool-hint">{t('pool.zeroIsOff')}</span>
        </Field>
        <Field label={t('pool.intervalMinutes')} name="intervalMinutes">
          {number('intervalMinutes', 5)}
        </Field>
      </div>
    </fieldset>
  );
}
