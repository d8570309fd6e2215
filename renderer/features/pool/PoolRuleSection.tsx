import { useContext } from 'react';
import { activityStatuses } from '../../../shared/schemas/enums';
import { poolContractFilters, type PoolRuleName } from '../../../shared/schemas/pool';
import { useI18n } from '../../i18n/useI18n';
import { EnumSelect } from '../../ui/EnumSelect';
import { Field } from '../../ui/Field';
import { FormErrorContext } from '../../ui/formErrorContext';
import { MultiSelect } from '../../ui/MultiSelect';
import type { RuleDraft } from './poolSettingsDraft';

/** A managed list entry a rule may be limited to (customer types, tiers). */
export type LimitOption = { id: number; name: string };

type PoolRuleSectionProps = {
  ruleId: PoolRuleName;
  rule: RuleDraft;
  onChange: (rule: RuleDraft) => void;
  types: LimitOption[];
  /** Null while the tiers list is unavailable: no tier picker then. */
  tiers: LimitOption[] | null;
};

/** A managed list a rule may be limited to, as a multi-select (none chosen = all customers). */
type Limit = { field: 'typeIds' | 'tierIds'; label: string; items: LimitOption[]; allLabel: string; countLabel: (count: number) => string };

/** The statuses rule 1 counts, as one group of checkboxes; an error about them shows under the group. */
function StatusChoices({ field, value, onChange }: { field: string; value: RuleDraft['activityStatuses']; onChange: (value: RuleDraft['activityStatuses']) => void }) {
  const { t } = useI18n();
  const formError = useContext(FormErrorContext);
  const error = formError?.field === field ? formError.message : null;
  return (
    <fieldset className={error ? 'pool-statuses field-invalid' : 'pool-statuses'} data-field={field}>
      <legend className="field-label">{t('pool.rule.activityStatuses')}</legend>
      {activityStatuses.map((status) => (
        <label key={status} className="checkbox">
          <input
            type="checkbox"
            checked={value.includes(status)}
            onChange={(event) => onChange(event.target.checked ? [...value, status] : value.filter((item) => item !== status))}
          />
          {t(`activityStatus.${status}`)}
        </label>
      ))}
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </fieldset>
  );
}

/**
 * One P2 rule: on/off and its days; rule 1 also which activity statuses count and rules 1–2 which
 * customers (with / without contracts); any rule may be limited to some customer types or tiers.
 */
export function PoolRuleSection({ ruleId, rule, onChange, types, tiers }: PoolRuleSectionProps) {
  const { t } = useI18n();
  const set = (patch: Partial<RuleDraft>) => onChange({ ...rule, ...patch });
  const byType: Limit = { field: 'typeIds', label: t('pool.rule.types'), items: types, allLabel: t('customers.filter.allTypes'), countLabel: (count) => t('customers.filter.typesChosen', { count }) };
  const byTier = (items: LimitOption[]): Limit => ({ field: 'tierIds', label: t('pool.rule.tiers'), items, allLabel: t('pool.rule.allTiers'), countLabel: (count) => t('pool.rule.tiersChosen', { count }) });
  const limits = tiers ? [byType, byTier(tiers)] : [byType];
  return (
    <fieldset className="pool-rule">
      <legend>{t(`pool.rule.${ruleId}`)}</legend>
      <label className="checkbox">
        <input type="checkbox" checked={rule.enabled} onChange={(event) => set({ enabled: event.target.checked })} />
        {t('pool.rule.enabled')}
      </label>
      <div className="pool-rule-fields">
        <Field label={t('pool.rule.days')} name={`rules.${ruleId}.days`}>
          <input className="pool-number" type="number" min={1} step={1} value={rule.days} onChange={(event) => set({ days: event.target.value })} />
        </Field>
        {ruleId === 'noActivitySinceLast' && (
          <StatusChoices field={`rules.${ruleId}.activityStatuses`} value={rule.activityStatuses} onChange={(activityStatuses) => set({ activityStatuses })} />
        )}
        {ruleId === 'noContractSinceTransfer' ? (
          <p className="muted pool-rule-note">{t('pool.rule.withoutContractsOnly')}</p>
        ) : (
          <Field label={t('pool.rule.contractFilter')} name={`rules.${ruleId}.contractFilter`}>
            <EnumSelect
              value={rule.contractFilter}
              options={poolContractFilters}
              optionLabel={(filter) => t(`pool.contractFilter.${filter}`)}
              fallback="all"
              onChange={(contractFilter) => set({ contractFilter })}
            />
          </Field>
        )}
        {limits.map((limit) => (
          <MultiSelect
            key={limit.field}
            label={limit.label}
            options={limit.items.map((item) => ({ id: item.id, label: item.name }))}
            value={rule[limit.field]}
            onChange={(ids) => set({ [limit.field]: ids })}
            allLabel={limit.allLabel}
            countLabel={limit.countLabel}
            clearLabel={t('customers.filter.clearChoice')}
          />
        ))}
      </div>
    </fieldset>
  );
}
