import { Type, type Static } from 'typebox';
import { Id, Nullable } from './common';
import { CustomerSelection, CustomerSort } from './customers';
import { infoTypes, shareModes } from './enums';

/**
 * O1 transfer and O2 share (SPEC "O — Ownership and sharing" and its contract details). Both take
 * the bulk selection (`customerIds`, or `filter` + `excludeIds`: "select all matching") and
 * recipients as users and/or departments (a department = its active users and those of its
 * subdepartments, by full name in Vietnamese collation, after the listed users, without repeats).
 */
const Recipients = {
  userIds: Type.Optional(Type.Array(Id, { maxItems: 1000, uniqueItems: true })),
  departmentIds: Type.Optional(Type.Array(Id, { maxItems: 200, uniqueItems: true })),
};

export const TransferOwnerBody = Type.Object({
  ...CustomerSelection,
  /** With a filter, the order customers are split in (the grid's sort); explicit ids keep their order. */
  sort: Type.Optional(CustomerSort),
  ...Recipients,
  splitEvenly: Type.Optional(Type.Boolean()),
  transferOpenActivities: Type.Optional(Type.Boolean()),
  shareOldActivities: Type.Optional(Type.Boolean()),
  shareOldContracts: Type.Optional(Type.Boolean()),
  shareOldQuotes: Type.Optional(Type.Boolean()),
  shareOldOpportunities: Type.Optional(Type.Boolean()),
  shareOldOrders: Type.Optional(Type.Boolean()),
});
export type TransferOwnerBody = Static<typeof TransferOwnerBody>;

export const Assignment = Type.Object({ customerId: Id, ownerId: Id });

/** One recipient of a transfer: how many customers they get and the first few names. */
export const TransferRecipient = Type.Object({
  userId: Id,
  fullName: Type.String(),
  count: Type.Integer(),
  firstCustomers: Type.Array(Type.Object({ id: Id, code: Type.String(), name: Type.String() })),
});

/** What the options touch: open activities moved to the new owners, old records shared with them. */
export const TransferTouches = Type.Object({
  openActivities: Type.Integer(),
  activities: Type.Integer(),
  contracts: Type.Integer(),
  quotes: Type.Integer(),
  opportunities: Type.Integer(),
  orders: Type.Integer(),
});

/** `POST /api/customers/transfer-owner/preview`: the plan, nothing changed. */
export const TransferPreview = Type.Object({
  total: Type.Integer(),
  assignments: Type.Array(Assignment),
  recipients: Type.Array(TransferRecipient),
  touches: TransferTouches,
});
export type TransferPreview = Static<typeof TransferPreview>;

/** `POST /api/customers/transfer-owner`: what was done, and the batch to undo it by. */
export const TransferResult = Type.Object({
  batchId: Id,
  total: Type.Integer(),
  assignments: Type.Array(Assignment),
  recipients: Type.Array(TransferRecipient),
  /**
   * The open activities moved. The old records shared are counted by the preview only: the batch
   * shares them without writing a row per record, and counting them again cost a scan of every
   * activity (1.2 s of a 100,000-customer transfer at 1M).
   */
  touches: Type.Pick(TransferTouches, ['openActivities']),
});
export type TransferResult = Static<typeof TransferResult>;

/** Why undo left a customer as it is. */
export const undoSkipReasons = ['changed_since', 'deleted', 'owner_inactive'] as const;

export const UndoResult = Type.Object({
  restored: Type.Integer(),
  skipped: Type.Array(Type.Object({ customerId: Id, reason: Type.Enum(undoSkipReasons) })),
});
export type UndoResult = Static<typeof UndoResult>;

/** A transfer batch as the ownership history and the result panel show it. */
export const TransferBatch = Type.Object({
  id: Id,
  createdBy: Nullable(Id),
  createdByName: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  customerCount: Type.Integer(),
  undoneAt: Nullable(Type.String({ format: 'date-time' })),
  /** The caller may undo it now (the same user or an admin, within 24 h, not undone yet). */
  canUndo: Type.Boolean(),
});
export type TransferBatch = Static<typeof TransferBatch>;

export const ShareBody = Type.Object({
  ...CustomerSelection,
  ...Recipients,
  infoTypes: Type.Array(Type.Enum(infoTypes), { minItems: 1, maxItems: infoTypes.length, uniqueItems: true }),
  mode: Type.Enum(shareModes),
});
export type ShareBody = Static<typeof ShareBody>;

export const ShareResult = Type.Object({
  customers: Type.Integer(),
  users: Type.Integer(),
  /** Share rows written (added or replaced) and removed. */
  written: Type.Integer(),
  removed: Type.Integer(),
});
export type ShareResult = Static<typeof ShareResult>;
