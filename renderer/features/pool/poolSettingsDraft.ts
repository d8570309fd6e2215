import type { ActivityStatus } from '../../../shared/schemas/enums';
import { PoolRules, PoolSettingsBody, type poolContractFilters, type PoolRuleName, type PoolSettingsView } from '../../../shared/schemas/pool';
import type { Translate } from '../../i18n/translate';

/** One rule as the form edits it: numbers as typed; a rule that has no statuses or contract filter ignores those. */
export type RuleDraft = {
  enabled: boolean;
  days: string;
  activityStatuses: ActivityStatus[];
  contractFilter: (typeof poolContractFilters)[number];
  typeIds: number[];
  tierIds: number[];
};

export type PoolSettingsDraft = {
  rules: Record<PoolRuleName, RuleDraft>;
  claimLimitEnabled: boolean;
  perDay: string;
  claimCooldownDays: string;
  reminderDaysBefore: string;
  intervalMinutes: string;
};

export function toDraft(settings: PoolSettingsView): PoolSettingsDraft {
  const { noActivitySinceLast: first, noActivitySinceTransfer: second, noContractSinceTransfer: third } = settings.rules;
  const limits = (rule: { typeIds?: number[]; tierIds?: number[] }) => ({ typeIds: rule.typeIds ?? [], tierIds: rule.tierIds ?? [] });
  return {
    rules: {
      noActivitySinceLast: { enabled: first.enabled, days: String(first.days), activityStatuses: [...first.activityStatuses], contractFilter: first.contractFilter, ...limits(first) },
      noActivitySinceTransfer: { enabled: second.enabled, days: String(second.days), activityStatuses: [], contractFilter: second.contractFilter, ...limits(second) },
      noContractSinceTransfer: { enabled: third.enabled, days: String(third.days), activityStatuses: [], contractFilter: 'without', ...limits(third) },
    },
    claimLimitEnabled: settings.claimLimit.enabled,
    perDay: String(settings.claimLimit.perDay),
    claimCooldownDays: String(settings.claimCooldownDays),
    reminderDaysBefore: String(settings.reminderDaysBefore),
    intervalMinutes: String(settings.intervalMinutes),
  };
}

/** An integer schema's bounds: every number setting states both (TypeBox's types do not carry them). */
function range(schema: object): { min: number; max: number } {
  const { minimum, maximum } = schema as { minimum: number; maximum: number };
  return { min: minimum, max: maximum };
}

/** Each number setting's bounds, as the API schema states them: the form checks the same before sending. */
const body = PoolSettingsBody.properties;
const bounds: Record<string, { min: number; max: number }> = {
  days: range(PoolRules.properties.noActivitySinceLast.properties.days),
  perDay: range(body.claimLimit.properties.perDay),
  claimCooldownDays: range(body.claimCooldownDays),
  reminderDaysBefore: range(body.reminderDaysBefore),
  intervalMinutes: range(body.intervalMinutes),
};

/**
 * The message for an API field of the settings (`rules.noActivitySinceLast.days`: its range),
 * whether the form or the server refused it; undefined for a field the form does not show.
 */
export function poolFieldMessage(field: string, t: Translate): string | undefined {
  const name = field.split('.').at(-1) ?? '';
  if (name === 'activityStatuses') return t('pool.invalid.statuses');
  return bounds[name] && t('pool.invalid.range', bounds[name]);
}

type Checked = { body: PoolSettingsBody } | { invalidField: string };

/** The PUT body, or the first field that cannot be sent as typed. */
export function toBody(draft: PoolSettingsDraft): Checked {
  const problems: string[] = [];
  const whole = (field: string, text: string): number => {
    const { min, max } = bounds[field.split('.').at(-1) ?? ''];
    const value = Number(text);
    if (text.trim() === '' || !Number.isInteger(value) || value < min || value > max) problems.push(field);
    return value;
  };
  // An enabled rule 1 counting no status could never see an activity.
  const statuses = (field: string, rule: RuleDraft) => {
    if (rule.enabled && rule.activityStatuses.length === 0) problems.push(field);
    return rule.activityStatuses;
  };
  const { noActivitySinceLast: first, noActivitySinceTransfer: second, noContractSinceTransfer: third } = draft.rules;
  const limits = (rule: RuleDraft) => ({ typeIds: rule.typeIds, tierIds: rule.tierIds });
  const settings: PoolSettingsBody = {
    rules: {
      noActivitySinceLast: {
        enabled: first.enabled,
        days: whole('rules.noActivitySinceLast.days', first.days),
        activityStatuses: statuses('rules.noActivitySinceLast.activityStatuses', first),
        contractFilter: first.contractFilter,
        ...limits(first),
      },
      noActivitySinceTransfer: { enabled: second.enabled, days: whole('rules.noActivitySinceTransfer.days', second.days), contractFilter: second.contractFilter, ...limits(second) },
      noContractSinceTransfer: { enabled: third.enabled, days: whole('rules.noContractSinceTransfer.days', third.days), ...limits(third) },
    },
    claimLimit: { enabled: draft.claimLimitEnabled, perDay: whole('claimLimit.perDay', draft.perDay) },
    claimCooldownDays: whole('claimCooldownDays', draft.claimCooldownDays),
    reminderDaysBefore: whole('reminderDaysBefore', draft.reminderDaysBefore),
    intervalMinutes: whole('intervalMinutes', draft.intervalMinutes),
  };
  return problems.length > 0 ? { invalidField: problems[0] } : { body: settings };
}
