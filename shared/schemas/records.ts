import { Type, type Static, type TProperties } from 'typebox';
import { DateOnly, Id, LongText, Money, Nullable, Paging, ShortText, Version, visibleText } from './common';
import { activityStatuses, contractStatuses, orderStatuses, paymentMethods, quoteStatuses } from './enums';

/**
 * A customer's history records (activities, quotes, contracts, orders, payments) share one shape:
 * a customer, an owner, a calendar day, and their own fields. Each kind gets a record, a create
 * body and an update body (`version` optional: when sent it must match) from `historyRecordSchemas`.
 */
/** Free text so each company can name its own kinds; the UI offers `activityTypes` (call, meeting, …). */
const ActivityType = Type.String({ minLength: 1, maxLength: 40, pattern: visibleText });

const base = {
  id: Id,
  customerId: Id,
  customerName: Type.String(),
  ownerId: Id,
  ownerName: Nullable(Type.String()),
  date: DateOnly,
  version: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
};

const DocumentLine = Type.Object({
  productId: Id,
  quantity: Type.Number({ exclusiveMinimum: 0, maximum: 1e9 }),
  price: Money,
  discountPercent: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
});
export type DocumentLine = Static<typeof DocumentLine>;
const Lines = Type.Array(DocumentLine, { maxItems: 500 });

function historyRecordSchemas<R extends TProperties, C extends TProperties, U extends TProperties>(own: {
  record: R;
  required: C;
  optional: U;
}) {
  const record = Type.Object({ ...base, ...own.record });
  const create = Type.Object({
    customerId: Id,
    date: DateOnly,
    ownerId: Type.Optional(Id),
    ...own.required,
    ...Object.fromEntries(Object.entries(own.optional).map(([key, schema]) => [key, Type.Optional(schema)])),
  });
  const update = Type.Intersect([
    Type.Object({ version: Type.Optional(Version) }),
    Type.Partial(Type.Object({ date: DateOnly, ownerId: Id, ...own.required, ...own.optional })),
  ]);
  return { record, create, update };
}

export const activitySchemas = historyRecordSchemas({
  record: {
    type: Type.String(),
    subject: Type.String(),
    status: Type.Enum(activityStatuses),
    description: Nullable(Type.String()),
  },
  required: {
    type: ActivityType,
    subject: Type.String({ minLength: 1, maxLength: 255, pattern: visibleText }),
    status: Type.Enum(activityStatuses),
  },
  optional: { description: Nullable(LongText) },
});

const documentRecord = { number: Type.String(), value: Type.Number(), note: Nullable(Type.String()) };

export const quoteSchemas = historyRecordSchemas({
  record: { ...documentRecord, status: Type.Enum(quoteStatuses), lines: Type.Array(DocumentLine) },
  required: { value: Money },
  optional: { status: Type.Enum(quoteStatuses), note: Nullable(ShortText), lines: Lines },
});

export const contractSchemas = historyRecordSchemas({
  record: { ...documentRecord, status: Type.Enum(contractStatuses) },
  required: { value: Money },
  optional: { status: Type.Enum(contractStatuses), note: Nullable(ShortText) },
});

export const orderSchemas = historyRecordSchemas({
  record: { ...documentRecord, status: Type.Enum(orderStatuses), contractId: Nullable(Id), lines: Type.Array(DocumentLine) },
  required: { value: Money },
  optional: { status: Type.Enum(orderStatuses), note: Nullable(ShortText), contractId: Nullable(Id), lines: Lines },
});

export const paymentSchemas = historyRecordSchemas({
  record: { number: Type.String(), amount: Type.Number(), method: Type.Enum(paymentMethods), contractId: Nullable(Id), orderId: Nullable(Id), note: Nullable(Type.String()) },
  required: { amount: Type.Number({ exclusiveMinimum: 0, maximum: 1e15 }) },
  optional: { method: Type.Enum(paymentMethods), contractId: Nullable(Id), orderId: Nullable(Id), note: Nullable(ShortText) },
});

/**
 * Sort keys of the activity list: `due` = open activities first, oldest date first (overdue, then
 * today's, then future ones), then done ones newest first: what needs doing on top.
 */
export const activitySortFields = ['due', 'date', 'customerName', 'subject', 'type', 'status', 'ownerName'] as const;
const activitySortPart = `(${activitySortFields.join('|')}):(asc|desc)`;
export const ActivitySort = Type.String({ maxLength: 200, pattern: `^${activitySortPart}(,${activitySortPart}){0,2}$` });

export const HistoryListQuery = Type.Object({
  customerId: Type.Optional(Id),
  ownerId: Type.Optional(Id),
  status: Type.Optional(Type.String({ maxLength: 40 })),
  type: Type.Optional(Type.String({ maxLength: 40 })),
  from: Type.Optional(DateOnly),
  to: Type.Optional(DateOnly),
  /** Words found in the subject or the customer's name, ignoring case and diacritics. */
  search: Type.Optional(Type.String({ maxLength: 200 })),
  sort: Type.Optional(ActivitySort),
  ...Paging,
});
export type HistoryListQuery = Static<typeof HistoryListQuery>;

export type Activity = Static<typeof activitySchemas.record>;
export type Quote = Static<typeof quoteSchemas.record>;
export type Contract = Static<typeof contractSchemas.record>;
