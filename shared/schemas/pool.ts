import { Type, type Static } from 'typebox';
import { Id, Nullable, Strict as strict } from './common';
import { CustomerSelection } from './customers';
import { activityStatuses } from './enums';

/**
 * Khách hàng chung (SPEC P1–P3, issue 13; the contract is /work/agree/pool-api.md). Bodies refuse
 * fields they do not know (400 naming the field) instead of dropping them silently: a misspelt
 * rule field must not save a rule the admin did not mean.
 */

export const poolRuleNames = ['noActivitySinceLast', 'noActivitySinceTransfer', 'noContractSinceTransfer'] as const;
export type PoolRuleName = (typeof poolRuleNames)[number];
export const poolContractFilters = ['all', 'with', 'without'] as const;

const Days = Type.Integer({ minimum: 1, maximum: 3650 });
/** Empty or absent: every customer. */
const Limits = {
  typeIds: Type.Optional(Type.Array(Id, { maxItems: 200, uniqueItems: true })),
  tierIds: Type.Optional(Type.Array(Id, { maxItems: 200, uniqueItems: true })),
};
const ContractFilter = Type.Enum(poolContractFilters);

export const PoolRules = strict({
  /** Rule 1: no activity of these statuses for `days` days since the last one. */
  noActivitySinceLast: strict({
    enabled: Type.Boolean(), days: Days,
    activityStatuses: Type.Array(Type.Enum(activityStatuses), { maxItems: activityStatuses.length, uniqueItems: true }),
    contractFilter: ContractFilter, ...Limits,
  }),
  /** Rule 2: no activity in the `days` days after the owner received the customer. */
  noActivitySinceTransfer: strict({ enabled: Type.Boolean(), days: Days, contractFilter: ContractFilter, ...Limits }),
  /** Rule 3: customers without contracts, none in the `days` days after the receipt. */
  noContractSinceTransfer: strict({ enabled: Type.Boolean(), days: Days, ...Limits }),
});
export type PoolRules = Static<typeof PoolRules>;

const settingsFields = {
  rules: PoolRules,
  claimLimit: strict({ enabled: Type.Boolean(), perDay: Type.Integer({ minimum: 1, maximum: 100000 }) }),
  intervalMinutes: Type.Integer({ minimum: 5, maximum: 10080 }),
  /** A user may not claim back a customer the pool took from them for this many days (0 = off). */
  claimCooldownDays: Type.Integer({ minimum: 0, maximum: 3650 }),
  /** Owners hear, once a day, of customers a rule would take within this many days (0 = off). */
  reminderDaysBefore: Type.Integer({ minimum: 0, maximum: 365 }),
};

/** What is stored (`app_settings` key `pool`). */
export const PoolSettings = Type.Object(settingsFields);
export type PoolSettings = Static<typeof PoolSettings>;

const runState = {
  running: Type.Boolean(),
  lastRunAt: Nullable(Type.String({ format: 'date-time' })),
  nextRunAt: Nullable(Type.String({ format: 'date-time' })),
  lastRunMoved: Nullable(Type.Integer()),
};

/** GET answer: the settings and the schedule's state. */
export const PoolSettingsView = Type.Object({ ...settingsFields, ...runState });
export type PoolSettingsView = Static<typeof PoolSettingsView>;

/**
 * PUT body: SPEC's shape; the extras left out keep their current values. The state fields of the
 * GET answer may come back with it (a client that edits what it read) and are ignored.
 */
export const PoolSettingsBody = strict({
  rules: PoolRules,
  claimLimit: settingsFields.claimLimit,
  intervalMinutes: settingsFields.intervalMinutes,
  claimCooldownDays: Type.Optional(settingsFields.claimCooldownDays),
  reminderDaysBefore: Type.Optional(settingsFields.reminderDaysBefore),
  running: Type.Optional(runState.running),
  lastRunAt: Type.Optional(runState.lastRunAt),
  nextRunAt: Type.Optional(runState.nextRunAt),
  lastRunMoved: Type.Optional(runState.lastRunMoved),
});
export type PoolSettingsBody = Static<typeof PoolSettingsBody>;

export const PoolRunBody = strict({
  dryRun: Type.Optional(Type.Boolean()),
  /** Evaluate the rules as of this instant (a preview of a later run). */
  asOf: Type.Optional(Type.String({ format: 'date-time' })),
});
export type PoolRunBody = Static<typeof PoolRunBody>;

export const poolPreviewLimit = 1000;
export const poolRunIdLimit = 10000;

export const PoolPreviewRow = Type.Object({
  customerId: Id,
  code: Type.String(),
  name: Type.String(),
  ownerId: Id,
  ownerName: Type.String(),
  rule: Type.Enum(poolRuleNames),
  /** The last counted activity's day (rule 1's statuses); null without one. */
  lastActivityDate: Nullable(Type.String({ format: 'date' })),
  ownerAssignedAt: Type.String({ format: 'date-time' }),
  /** Calendar days (Asia/Ho_Chi_Minh) from the rule's reference day to the run's day. */
  days: Type.Integer(),
});
export type PoolPreviewRow = Static<typeof PoolPreviewRow>;

/** `moved`: exact count; `customerIds`: at most 10,000; `preview` (dry run only): at most 1,000 rows in name order. */
export const PoolRunResult = Type.Object({
  moved: Type.Integer(),
  customerIds: Type.Array(Id),
  preview: Type.Optional(Type.Object({ rows: Type.Array(PoolPreviewRow), total: Type.Integer() })),
});
export type PoolRunResult = Static<typeof PoolRunResult>;

export const PoolClaimBody = strict({ ...CustomerSelection });
export type PoolClaimBody = Static<typeof PoolClaimBody>;

export const PoolClaimResult = Type.Object({
  claimed: Type.Integer(),
  customerIds: Type.Array(Id),
  remainingToday: Nullable(Type.Integer()),
});
export type PoolClaimResult = Static<typeof PoolClaimResult>;

export const PoolClaimsToday = Type.Object({
  claimedToday: Type.Integer(),
  perDay: Nullable(Type.Integer()),
  remaining: Nullable(Type.Integer()),
});
export type PoolClaimsToday = Static<typeof PoolClaimsToday>;

export const PoolAddBody = strict({ ...CustomerSelection });
export type PoolAddBody = Static<typeof PoolAddBody>;
export const PoolAddResult = Type.Object({ moved: Type.Integer() });

export const PoolAssignBody = strict({ ...CustomerSelection, ownerId: Id });
export type PoolAssignBody = Static<typeof PoolAssignBody>;
export const PoolAssignResult = Type.Object({ assigned: Type.Integer() });

/** A claim's refusal; POOL_CLAIM_LIMIT also says how many the user may still claim today. */
export const PoolClaimError = Type.Object({
  error: Type.Object({
    code: Type.String(), message: Type.String(), field: Type.Optional(Type.String()), remaining: Type.Optional(Type.Integer()),
  }),
});
