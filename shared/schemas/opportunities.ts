import { Type, type Static } from 'typebox';
import { DateOnly, Id, Money, Name, Nullable, Page, Paging, ShortText, Version, visibleText } from './common';
import { opportunityStages } from './enums';

/** A product line of an opportunity as the API answers it; amount = quantity × price (VND). */
export const OpportunityLine = Type.Object({
  id: Id,
  productId: Id,
  productCode: Type.String(),
  productName: Type.String(),
  unit: Nullable(Type.String()),
  quantity: Type.Number(),
  price: Type.Number(),
  amount: Type.Number(),
});
export type OpportunityLine = Static<typeof OpportunityLine>;

/** A product line in a create/update body: the whole list replaces the opportunity's lines. */
export const OpportunityLineInput = Type.Object({
  productId: Id,
  quantity: Type.Number({ exclusiveMinimum: 0, maximum: 1e9 }),
  price: Money,
});
export type OpportunityLineInput = Static<typeof OpportunityLineInput>;

/** An opportunity (cơ hội, S1) as a list row; dates are calendar days, money VND. */
export const Opportunity = Type.Object({
  id: Id,
  /** Assigned by the server, e.g. CH000123. */
  number: Type.String(),
  name: Type.String(),
  customerId: Id,
  customerName: Type.String(),
  ownerId: Id,
  ownerName: Nullable(Type.String()),
  stage: Type.Enum(opportunityStages),
  /** Free text (each company names its own sources, types and statuses). */
  source: Nullable(Type.String()),
  type: Nullable(Type.String()),
  status: Nullable(Type.String()),
  probability: Nullable(Type.Integer()),
  expectedRevenue: Nullable(Type.Number()),
  expectedDate: DateOnly,
  startDate: Nullable(DateOnly),
  /** The lost reason's name (Thất bại only). */
  lostReason: Nullable(Type.String()),
  /** When it became lost (null unless the stage is lost); the report counts its calendar day in Asia/Ho_Chi_Minh. */
  lostAt: Nullable(Type.String({ format: 'date-time' })),
  /** Sum of the product lines' amounts (0 without lines). */
  total: Type.Number(),
  createdById: Nullable(Id),
  createdByName: Nullable(Type.String()),
  /** Whether the signed-in user may change or delete it (owner, managers above, admins, the customer's editors). */
  editable: Type.Boolean(),
  version: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type Opportunity = Static<typeof Opportunity>;

/** One opportunity with its product lines: the answer of GET /:id, POST, PATCH and restore. */
export const OpportunityDetail = Type.Object({
  ...Opportunity.properties,
  /** Who made the current version (`updatedAt`): a stale edit's 409 reloads this to say who. Null when not known. */
  updatedByName: Nullable(Type.String()),
  products: Type.Array(OpportunityLine),
});
export type OpportunityDetail = Static<typeof OpportunityDetail>;

const LostReasonName = Type.String({ minLength: 1, maxLength: 100, pattern: visibleText });
const FreeText = Nullable(ShortText);

/**
 * The optional fields of an opportunity body. `lostReason` is the name of a reason of the managed
 * list (required when the stage is lost, ignored otherwise); `products` replaces all lines.
 */
const optionalFields = {
  source: Type.Optional(FreeText),
  type: Type.Optional(FreeText),
  status: Type.Optional(FreeText),
  probability: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 100 }))),
  expectedRevenue: Type.Optional(Nullable(Money)),
  startDate: Type.Optional(Nullable(DateOnly)),
  lostReason: Type.Optional(Nullable(LostReasonName)),
  products: Type.Optional(Type.Array(OpportunityLineInput, { maxItems: 500 })),
};

/**
 * Required fields in the order of the form (a request missing several names the first of them):
 * name, expectedDate, ownerId, stage, customerId.
 */
export const CreateOpportunityBody = Type.Object({
  name: Name,
  expectedDate: DateOnly,
  ownerId: Id,
  stage: Type.Enum(opportunityStages),
  customerId: Id,
  ...optionalFields,
});
export type CreateOpportunityBody = Static<typeof CreateOpportunityBody>;

/** Any of the fields, plus the `version` the edit started from (409 VERSION_CONFLICT when stale). */
export const UpdateOpportunityBody = Type.Object({
  version: Version,
  name: Type.Optional(Name),
  expectedDate: Type.Optional(DateOnly),
  ownerId: Type.Optional(Id),
  stage: Type.Optional(Type.Enum(opportunityStages)),
  customerId: Type.Optional(Id),
  ...optionalFields,
});
export type UpdateOpportunityBody = Static<typeof UpdateOpportunityBody>;

/** `following` (Theo dõi) = interested + negotiation + pending_approval. */
export const OpportunityStageFilter = Type.Enum([...opportunityStages, 'following']);

/** Sortable opportunity columns (API names = the grid's column ids). */
export const opportunitySortFields = [
  'number', 'name', 'customerName', 'ownerName', 'stage', 'status', 'probability', 'expectedRevenue', 'expectedDate', 'startDate',
  'lostAt', 'createdAt', 'updatedAt',
] as const;
export type OpportunitySortField = (typeof opportunitySortFields)[number];
const sortPart = `(${opportunitySortFields.join('|')}):(asc|desc)`;
/** A comma list of field:direction, e.g. `expectedDate:asc,number:desc`; ties end by id. Default: newest first. */
export const OpportunitySort = Type.String({ maxLength: 300, pattern: `^${sortPart}(,${sortPart}){0,3}$` });

const SearchText = Type.String({ maxLength: 200 });

/**
 * The search (S2) of the grid and the export. Text filters: `number` and `name` (diacritics and case
 * ignored, parts anywhere), `customer` (the customer's name, the same way). Ranges are calendar
 * days, both ends inclusive; a period (Hôm nay, Tuần này…) is turned into from/to by `shared/periods.ts`.
 * `lostReason`, `lostFrom`, `lostTo` open the slice of the lost-reason chart (by the day it was lost).
 */
export const opportunityFilterFields = {
  number: Type.Optional(Type.String({ maxLength: 40 })),
  name: Type.Optional(SearchText),
  customer: Type.Optional(SearchText),
  customerId: Type.Optional(Id),
  creatorId: Type.Optional(Id),
  ownerId: Type.Optional(Id),
  stage: Type.Optional(OpportunityStageFilter),
  startFrom: Type.Optional(DateOnly),
  startTo: Type.Optional(DateOnly),
  expectedFrom: Type.Optional(DateOnly),
  expectedTo: Type.Optional(DateOnly),
  lostReason: Type.Optional(Type.String({ maxLength: 100 })),
  lostFrom: Type.Optional(DateOnly),
  lostTo: Type.Optional(DateOnly),
};
export const OpportunityFilter = Type.Object(opportunityFilterFields);
export type OpportunityFilter = Static<typeof OpportunityFilter>;

export const OpportunityListQuery = Type.Object({
  ...opportunityFilterFields,
  sort: Type.Optional(OpportunitySort),
  ...Paging,
});
export type OpportunityListQuery = Static<typeof OpportunityListQuery>;

export const OpportunityPage = Page(Opportunity);

/**
 * S3 Tra cứu hàng hóa trong cơ hội. `productCode` / `productName` / `customer` match parts, diacritics
 * and case ignored. `from` / `to` (inclusive calendar days) bound the opportunity's period: its start
 * date (its expected date when it has none) is on or after `from`, its expected date on or before `to`.
 */
export const OpportunityProductQuery = Type.Object({
  productCode: Type.Optional(Type.String({ maxLength: 60 })),
  productName: Type.Optional(SearchText),
  customer: Type.Optional(SearchText),
  from: Type.Optional(DateOnly),
  to: Type.Optional(DateOnly),
});
export type OpportunityProductQuery = Static<typeof OpportunityProductQuery>;

/** One product line the caller may see, with its opportunity; at most 500, newest opportunities first. */
export const OpportunityProductRow = Type.Object({
  lineId: Id,
  opportunityId: Id,
  opportunityNumber: Type.String(),
  opportunityName: Type.String(),
  stage: Type.Enum(opportunityStages),
  customerId: Id,
  customerName: Type.String(),
  productId: Id,
  productCode: Type.String(),
  productName: Type.String(),
  unit: Nullable(Type.String()),
  quantity: Type.Number(),
  price: Type.Number(),
  amount: Type.Number(),
  startDate: Nullable(DateOnly),
  expectedDate: DateOnly,
});
export type OpportunityProductRow = Static<typeof OpportunityProductRow>;
export const OpportunityProductRows = Type.Array(OpportunityProductRow);

/** Lý do thất bại: a managed list; `opportunityCount` = live lost opportunities with this reason (all of them, not only the caller's). */
export const LostReason = Type.Object({
  id: Id,
  name: Type.String(),
  opportunityCount: Type.Integer(),
});
export type LostReason = Static<typeof LostReason>;

export const LostReasonBody = Type.Object({ name: LostReasonName });
export type LostReasonBody = Static<typeof LostReasonBody>;

/** S5 report period: calendar days, both inclusive. */
export const ReportRangeQuery = Type.Object({ from: DateOnly, to: DateOnly });
export type ReportRangeQuery = Static<typeof ReportRangeQuery>;

/** One slice of the lost-reason chart: percent of the period's lost opportunities, one decimal. */
export const LostReasonReportRow = Type.Object({
  reason: Type.String(),
  count: Type.Integer(),
  percent: Type.Number(),
});
export type LostReasonReportRow = Static<typeof LostReasonReportRow>;
export const LostReasonReport = Type.Array(LostReasonReportRow);

/** Pipeline by stage (in pipeline order, every stage present): opportunities whose expected date is in the range. */
export const PipelineQuery = Type.Object({ from: Type.Optional(DateOnly), to: Type.Optional(DateOnly) });
export type PipelineQuery = Static<typeof PipelineQuery>;
export const PipelineRow = Type.Object({
  stage: Type.Enum(opportunityStages),
  count: Type.Integer(),
  expectedRevenue: Type.Number(),
});
export type PipelineRow = Static<typeof PipelineRow>;
export const PipelineReport = Type.Array(PipelineRow);

/** The recycle bin's opportunities: deleted ones the caller may edit (and so restore), newest deletion first. */
export const DeletedOpportunity = Type.Object({
  ...Opportunity.properties,
  deletedAt: Type.String({ format: 'date-time' }),
  deletedByName: Nullable(Type.String()),
});
export type DeletedOpportunity = Static<typeof DeletedOpportunity>;
export const DeletedOpportunityPage = Page(DeletedOpportunity);
