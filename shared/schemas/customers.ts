import { Type, type Static } from 'typebox';
import { Email, Id, IdList, LongText, Name, Nullable, Page, Paging, Phone, Tags, Version } from './common';
import { customerAccessLevels, customerShareReasons, customerSortFields, groupModes, infoTypes, sharedRecordTypes } from './enums';


export const Customer = Type.Object({
  id: Id,
  code: Type.String(),
  name: Type.String(),
  taxCode: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  address: Nullable(Type.String()),
  ownerId: Nullable(Id),
  ownerName: Nullable(Type.String()),
  typeId: Nullable(Id),
  typeName: Nullable(Type.String()),
  groupIds: Type.Array(Id),
  tierId: Nullable(Id),
  /** The tier's name (C4), shown in the grid's Phân cấp column. */
  tierName: Nullable(Type.String()),
  /** Sum of the customer's sales contracts (doanh thu), VND; null when the caller may not see its contracts. */
  revenue: Nullable(Type.Number()),
  /** Sum of the customer's payments (đã thanh toán), VND; null like `revenue`. */
  paid: Nullable(Type.Number()),
  score: Type.Integer(),
  stars: Type.Integer(),
  inPool: Type.Boolean(),
  /** The owner before the current one (for a pool customer: the one the pool took it from). */
  previousOwnerId: Nullable(Id),
  previousOwnerName: Nullable(Type.String()),
  /**
   * Whole calendar days (Asia/Ho_Chi_Minh) before an enabled pool rule would move it (0 = at the
   * next run); null when no enabled rule can take it, or it is in the pool.
   */
  poolDaysLeft: Nullable(Type.Integer()),
  /** When it entered the pool (null outside it). */
  poolEnteredAt: Nullable(Type.String({ format: 'date-time' })),
  careStatus: Nullable(Type.String()),
  ownerAssignedAt: Type.String({ format: 'date-time' }),
  tags: Type.Array(Type.String()),
  assignedUserIds: Type.Array(Id),
  version: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  /** Who made the current version (null when not recorded: before issue 12); a stale edit's conflict names them. */
  updatedByName: Nullable(Type.String()),
  /** What the signed-in user may do with it: edit, read (shared/assigned), pool (basic info, claim). */
  access: Type.Enum(customerAccessLevels),
  /** The info types (O2) the signed-in user may see of it, from the access rules; none for pool customers. */
  infoTypes: Type.Array(Type.Enum(infoTypes)),
});
export type Customer = Static<typeof Customer>;

const CustomerCode = Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9._/-]+$' });
const CareStatus = Type.String({ maxLength: 100 });

const editableFields = {
  name: Name,
  code: CustomerCode,
  taxCode: Nullable(Type.String({ maxLength: 20, pattern: '^[0-9A-Za-z-]*$' })),
  email: Nullable(Email),
  phone: Nullable(Phone),
  address: Nullable(LongText),
  typeId: Nullable(Id),
  groupIds: Type.Array(Id, { maxItems: 200, uniqueItems: true }),
  ownerId: Id,
  assignedUserIds: Type.Array(Id, { maxItems: 200, uniqueItems: true }),
  tags: Tags,
  careStatus: Nullable(CareStatus),
  /** A tier set by hand (managers and admins); with tier auto-update on, the next recompute may move it. */
  tierId: Nullable(Id),
};

export const CreateCustomerBody = Type.Object({
  name: editableFields.name,
  code: Type.Optional(editableFields.code),
  taxCode: Type.Optional(editableFields.taxCode),
  email: Type.Optional(editableFields.email),
  phone: Type.Optional(editableFields.phone),
  address: Type.Optional(editableFields.address),
  typeId: Type.Optional(editableFields.typeId),
  groupIds: Type.Optional(editableFields.groupIds),
  ownerId: Type.Optional(editableFields.ownerId),
  assignedUserIds: Type.Optional(editableFields.assignedUserIds),
  tags: Type.Optional(editableFields.tags),
  careStatus: Type.Optional(editableFields.careStatus),
});
export type CreateCustomerBody = Static<typeof CreateCustomerBody>;

export const UpdateCustomerBody = Type.Intersect([
  Type.Object({ version: Version }),
  Type.Partial(Type.Object(editableFields)),
]);
export type UpdateCustomerBody = Static<typeof UpdateCustomerBody>;

/** Most rows one bulk edit (a paste down a column) may change: each row is a full versioned edit. */
export const bulkEditLimit = 1000;

/** One row of a bulk edit: the customer, the version the client saw and the fields to set, as a PATCH body. */
export const BulkEditChange = Type.Intersect([Type.Object({ id: Id }), UpdateCustomerBody]);
export type BulkEditChange = Static<typeof BulkEditChange>;

/**
 * Sửa nhiều dòng (a paste of several values down a column): each change is checked like
 * `PATCH /api/customers/:id`; one refusal or stale version and nothing changes. `dryRun`
 * checks everything and answers how many rows would change, writing nothing.
 */
export const BulkEditBody = Type.Object({
  changes: Type.Array(BulkEditChange, { minItems: 1, maxItems: bulkEditLimit }),
  dryRun: Type.Optional(Type.Boolean()),
});
export type BulkEditBody = Static<typeof BulkEditBody>;

/** `updated`: rows changed (for a dry run: that would change); `rows`: them with their new versions (empty for a dry run). */
export const BulkEditResult = Type.Object({
  updated: Type.Integer(),
  rows: Type.Array(Customer),
});
export type BulkEditResult = Static<typeof BulkEditResult>;

// An empty list filters nothing, like `stars`.
const IdFilterList = Type.Array(Id, { maxItems: 200 });

/** The filters of a customer list; "select all matching" bulk actions send the same object. */
export const CustomerFilter = Type.Object({
  search: Type.Optional(Type.String({ maxLength: 200 })),
  stars: Type.Optional(Type.Array(Type.Integer({ minimum: 0, maximum: 5 }), { maxItems: 6 })),
  tierId: Type.Optional(Id),
  /** Any of these groups. One id or several: `groupId=3` and `groupId=3&groupId=5` (coerced to an array). */
  groupId: Type.Optional(IdFilterList),
  /** Any of these types, like groupId. */
  typeId: Type.Optional(IdFilterList),
  ownerId: Type.Optional(Id),
  inPool: Type.Optional(Type.Boolean()),
  name: Type.Optional(Type.String({ maxLength: 200 })),
  code: Type.Optional(Type.String({ maxLength: 200 })),
  email: Type.Optional(Type.String({ maxLength: 200 })),
  phone: Type.Optional(Type.String({ maxLength: 200 })),
  taxCode: Type.Optional(Type.String({ maxLength: 200 })),
  address: Type.Optional(Type.String({ maxLength: 200 })),
  careStatus: Type.Optional(Type.String({ maxLength: 100 })),
  /** Members of this campaign (O4). */
  campaignId: Type.Optional(Id),
  createdFrom: Type.Optional(Type.String({ format: 'date' })),
  createdTo: Type.Optional(Type.String({ format: 'date' })),
  /** The customers a transfer batch moved (O1; notification links `/customers?batch=ID`). */
  batchId: Type.Optional(Id),
  /** Customers an enabled pool rule would move within this many days (pool reminders link here). */
  poolDueWithin: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650 })),
});
export type CustomerFilter = Static<typeof CustomerFilter>;

/** `sort` is a comma list of field:direction, e.g. `name:asc,createdAt:desc`. */
const sortPart = `(${customerSortFields.join('|')}):(asc|desc)`;
export const CustomerSort = Type.String({ maxLength: 300, pattern: `^${sortPart}(,${sortPart}){0,3}$` });

export const CustomerListQuery = Type.Intersect([
  CustomerFilter,
  Type.Object({ sort: Type.Optional(CustomerSort), ...Paging }),
]);
export type CustomerListQuery = Static<typeof CustomerListQuery>;

export const CustomerPage = Page(Customer);

/** Which customers a bulk action touches: explicit ids, or every customer matching a filter. */
export const CustomerSelection = {
  customerIds: Type.Optional(IdList),
  filter: Type.Optional(CustomerFilter),
  excludeIds: Type.Optional(Type.Array(Id, { maxItems: 100000 })),
};

export const BulkGroupsBody = Type.Object({
  ...CustomerSelection,
  groupIds: Type.Array(Id, { maxItems: 200, uniqueItems: true }),
  mode: Type.Enum(groupModes),
});
export type BulkGroupsBody = Static<typeof BulkGroupsBody>;

export const BulkDeleteBody = Type.Object({ ...CustomerSelection });
export type BulkDeleteBody = Static<typeof BulkDeleteBody>;

/**
 * Cập nhật hàng loạt (SPEC mass-update): set fields on the selection, all in one transaction.
 * `careStatus` is a value of the managed list (null or "" clears it), `typeId` a type (null
 * clears), `address` text (null or "" clears); `addTags` / `removeTags` add and take off tags
 * (not the same tag in both); `groupIds` with `groupMode` change groups as C3 does (move: they
 * replace the current ones); `ownerId` gives the customers to that user (managers and admins,
 * like a transfer); `campaignId` adds the customers to that campaign.
 */
export const MassUpdateBody = Type.Object({
  ...CustomerSelection,
  typeId: Type.Optional(Nullable(Id)),
  careStatus: Type.Optional(Nullable(CareStatus)),
  address: Type.Optional(Nullable(LongText)),
  addTags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { minItems: 1, maxItems: 50, uniqueItems: true })),
  removeTags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { minItems: 1, maxItems: 50, uniqueItems: true })),
  groupIds: Type.Optional(Type.Array(Id, { maxItems: 200, uniqueItems: true })),
  groupMode: Type.Optional(Type.Enum(groupModes)),
  ownerId: Type.Optional(Id),
  campaignId: Type.Optional(Id),
});
export type MassUpdateBody = Static<typeof MassUpdateBody>;

/** The fields a mass update sets, each answered with how many customers it changed. */
export const massUpdateFields = ['typeId', 'careStatus', 'address', 'addTags', 'removeTags', 'groupIds', 'ownerId', 'campaignId'] as const;
export type MassUpdateField = (typeof massUpdateFields)[number];
const FieldCounts = Type.Partial(Type.Object(Object.fromEntries(massUpdateFields.map((field) => [field, Type.Integer()])) as Record<MassUpdateField, ReturnType<typeof Type.Integer>>));

/**
 * `matched`: customers selected; `updated`: changed by at least one field; per field given,
 * `changed` how many it changed and `unchangedBy` how many already were so (matched − changed).
 */
export const MassUpdateResult = Type.Object({
  matched: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  changed: FieldCounts,
  unchangedBy: FieldCounts,
});
export type MassUpdateResult = Static<typeof MassUpdateResult>;

/**
 * One reason a user sees a customer: a share (manual, "Giao cho", a multi-assign rule), or old
 * records a transfer batch shared with them. A user may appear once per reason. A manual share
 * with a department is listed for each active user it reaches now (in it or under it), with
 * `departmentId` / `departmentName` naming the department (null for a share with the user).
 */
export const CustomerShare = Type.Object({
  userId: Id,
  userName: Type.String(),
  departmentId: Nullable(Id),
  departmentName: Nullable(Type.String()),
  /** What they see: the share's info types; for `transfer`, the info types of the shared records. */
  infoTypes: Type.Array(Type.Enum(infoTypes)),
  source: Type.Enum(customerShareReasons),
  /** Who shared it (the share's author, the transfer's author) and when. */
  sharedByName: Nullable(Type.String()),
  sharedAt: Type.String({ format: 'date-time' }),
  /** `multi_assign`: the rule that shared it, by name (null when shared before rules were recorded). */
  ruleName: Nullable(Type.String()),
  /** `transfer`: the batch (null for records shared before batches were recorded) and how many records of each type. */
  batchId: Nullable(Id),
  records: Type.Array(Type.Object({ type: Type.Enum(sharedRecordTypes), count: Type.Integer() })),
});
export type CustomerShare = Static<typeof CustomerShare>;

export const OwnershipChange = Type.Object({
  id: Id,
  fromUserId: Nullable(Id),
  fromUserName: Nullable(Type.String()),
  toUserId: Nullable(Id),
  toUserName: Nullable(Type.String()),
  reason: Type.String(),
  changedBy: Nullable(Id),
  at: Type.String({ format: 'date-time' }),
  /** The transfer batch that made the change (undo it by the batch). */
  batchId: Nullable(Id),
});

export const DeletedCustomer = Type.Object({
  id: Id,
  code: Type.String(),
  name: Type.String(),
  ownerName: Nullable(Type.String()),
  deletedAt: Type.String({ format: 'date-time' }),
  deletedByName: Nullable(Type.String()),
});
export type DeletedCustomer = Static<typeof DeletedCustomer>;
export const DeletedCustomerPage = Page(DeletedCustomer);

/**
 * Duplicate warning (issue 10): before saving, the customer form asks which other (non-deleted)
 * customers share the tax code, phone or email it is about to save. Values compare normalised
 * (tax code: trimmed, case-insensitive; phone: without spaces, dots, dashes, parentheses, +84 = 0;
 * email: trimmed, case-insensitive). Empty or missing fields are not looked up.
 */
export const duplicateFields = ['taxCode', 'phone', 'email'] as const;
export type DuplicateField = (typeof duplicateFields)[number];

export const DuplicateCheckBody = Type.Object({
  taxCode: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  email: Type.Optional(Nullable(Type.String({ maxLength: 255 }))),
  /** The customer being edited: never its own duplicate. Ignored unless the caller may edit it. */
  excludeId: Type.Optional(Id),
});
export type DuplicateCheckBody = Static<typeof DuplicateCheckBody>;

/** A matching customer the caller may open (owned, department, shared, pool). */
export const DuplicateCustomer = Type.Object({
  id: Id,
  code: Type.String(),
  name: Type.String(),
  ownerName: Nullable(Type.String()),
});
export type DuplicateCustomer = Static<typeof DuplicateCustomer>;

/** `customer` null: one or more customers the caller may not open ("a customer of another staff member"). */
export const DuplicateMatch = Type.Object({
  field: Type.Enum(duplicateFields),
  customer: Nullable(DuplicateCustomer),
});
export type DuplicateMatch = Static<typeof DuplicateMatch>;

/**
 * Per field: up to `duplicateMatchLimit` customers the caller may open (lowest id first), then at
 * most one `customer: null` entry if any match is hidden. `counts` are all matches per field
 * (0 for a field not asked), so "and N more" = count − customers listed for that field.
 */
export const DuplicateMatches = Type.Object({
  matches: Type.Array(DuplicateMatch),
  counts: Type.Object({ taxCode: Type.Integer(), phone: Type.Integer(), email: Type.Integer() }),
});
export type DuplicateMatches = Static<typeof DuplicateMatches>;
export const duplicateMatchLimit = 5;
