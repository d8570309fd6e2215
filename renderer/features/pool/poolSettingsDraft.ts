import type { ActivityStatus } from '../../../shared/schemas/enums';
import type { poolContractFilters, PoolRuleName, PoolSettingsBody, PoolSettingsView } from '../../../shared/schemas/pool';
import type { MessageKey } from '../../i18n/vi';

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

/** What each API field must be, for the message shown at it (the same whether the form or the server refuses it). */
const fieldRules: Record<string, { min: number; max?: number; message: MessageKey }> = {
  days: { min: 1, message: 'pool.invalid.days' },
  perDay: { min: 1, message: 'pool.invalid.perDay' },
  claimCooldownDays: { min: 0, message: 'pool.invalid.zeroOrMore' },
  reminderDaysBefore: { min: 0, message: 'pool.invalid.zeroOrMore' },
  intervalMinutes: { min: 5, max: 10080, message: 'pool.invalid.interval' },
};

/** The message for an API field of the settings (`rules.noActivitySinceLast.days` → the days rule), if the form knows it. */
export function poolFieldMessage(field: string): MessageKey | undefined {
  const last = field.split('.').at(-1) ?? '';
  if (last === 'activityStatuses') return 'pool.invalid.statuses';
  return fieldRules[last]?.message;
}

type Checked = { body: PoolSettingsBody } | { error: { field: string; message: MessageKey } };

/** The PUT body, or the first field that cannot be sent as typed. */
export function toBody(draft: PoolSettingsDraft): Checked {
  const problems: string[] = [];
  const whole = (field: string, text: string): number => {
    const rule = fieldRules[field.split('.').at(-1) ?? ''];
    const value = Number(text);
    if (text.trim() === '' || !Number.isInteger(value) || value < rule.min || (rule.max !== undefined && value > rule.max)) problems.push(field);
    return value;
  };
  // An enabled rule 1 counting no status could never see an activity.
  const statuses = (field: string, rule: RuleDraft) => {
    if (rule.enabled && rule.activityStatuses.length === 0) problems.push(field);
    return rule.activityStatuses;
  };
  const { noActivitySinceLast: first, noActivitySinceTransfer: second, noContractSinceTransfer: third } = draft.rules;
  const limits = (rule: RuleDraft) => ({ typeIds: rule.typeIds, tierIds: rule.tierIds });
  const body: PoolSettingsBody = {
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
  const field = problems[0];
  return field ? { error: { field, message: poolFieldMessage(field) ?? 'error.badRequest' } } : { body };
}
