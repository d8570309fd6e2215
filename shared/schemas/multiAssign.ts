import { Type, type Static } from 'typebox';
import { Id, Name, Nullable } from './common';

/**
 * O4 automatic multi-assign (Multi Assigned Account): members of the rule's campaign whose care
 * status is `multi_assign_pending` are shared read-only (every info type) with each of the rule's
 * users, and their care status becomes `multi_assign_done`. A run acts with the access of the
 * rule's assignee (Chỉ định cho): it shares only the members the assignee may edit; the others
 * stay pending and are counted as skipped.
 */
/** The two reserved care statuses (their list entries' fixed keys) a run moves customers between. */
export const multiAssignCareStatus = { pending: 'multi_assign_pending', done: 'multi_assign_done' } as const;

const UserIds = Type.Array(Id, { minItems: 1, maxItems: 1000, uniqueItems: true });
/** How often the scheduler runs an active rule: 1 minute to 7 days. */
const IntervalMinutes = Type.Integer({ minimum: 1, maximum: 10080 });

export const MultiAssignRule = Type.Object({
  id: Id,
  name: Type.String(),
  assigneeId: Id,
  assigneeName: Type.String(),
  campaignId: Id,
  campaignName: Type.String(),
  userIds: Type.Array(Id),
  /** The rule's users, in the order given, with their names (for the picker). */
  users: Type.Array(Type.Object({ id: Id, fullName: Type.String() })),
  active: Type.Boolean(),
  intervalMinutes: Type.Integer(),
  lastRunAt: Nullable(Type.String({ format: 'date-time' })),
  /** Customers the last run shared. */
  lastRunCount: Nullable(Type.Integer()),
  /** When the scheduler runs it next (active rules only). */
  nextRunAt: Nullable(Type.String({ format: 'date-time' })),
  /** Members of the campaign waiting with `multi_assign_pending` now. */
  pendingCount: Type.Integer(),
  createdBy: Nullable(Id),
  createdAt: Type.String({ format: 'date-time' }),
});
export type MultiAssignRule = Static<typeof MultiAssignRule>;

export const CreateMultiAssignRuleBody = Type.Object({
  name: Name,
  campaignId: Id,
  userIds: UserIds,
  /** Defaults to true. */
  active: Type.Optional(Type.Boolean()),
  /** Defaults to the creator. */
  assigneeId: Type.Optional(Id),
  /** Defaults to 60. */
  intervalMinutes: Type.Optional(IntervalMinutes),
});
export type CreateMultiAssignRuleBody = Static<typeof CreateMultiAssignRuleBody>;

export const UpdateMultiAssignRuleBody = Type.Partial(
  Type.Object({ name: Name, campaignId: Id, userIds: UserIds, active: Type.Boolean(), assigneeId: Id, intervalMinutes: IntervalMinutes }),
  { minProperties: 1 },
);
export type UpdateMultiAssignRuleBody = Static<typeof UpdateMultiAssignRuleBody>;

/** What one run did. */
export const MultiAssignRunResult = Type.Object({
  /** Customers shared and moved to `multi_assign_done`. */
  shared: Type.Integer(),
  /** Rule users they were shared with (active users; an owner is never shared their own customer). */
  users: Type.Integer(),
  /** Share rows added (a user who already had a multi-assign share of a customer keeps it). */
  newShares: Type.Integer(),
  /** Pending members the assignee may not edit: left as they are. */
  skipped: Type.Integer(),
  ranAt: Type.String({ format: 'date-time' }),
});
export type MultiAssignRunResult = Static<typeof MultiAssignRunResult>;
