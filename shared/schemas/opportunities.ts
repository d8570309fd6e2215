import { Type, type Static } from 'typebox';
import { DateOnly, Id, Nullable, Page, Paging } from './common';
import { opportunityStages } from './enums';

/** An opportunity (cơ hội, S1) as the API answers it; dates are calendar days, money VND. */
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
  /** Free text (each company names its own statuses). */
  status: Nullable(Type.String()),
  probability: Nullable(Type.Integer()),
  expectedRevenue: Nullable(Type.Number()),
  expectedDate: DateOnly,
  startDate: Nullable(DateOnly),
  /** The lost reason's name (Thất bại only). */
  lostReason: Nullable(Type.String()),
  version: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type Opportunity = Static<typeof Opportunity>;

/** `following` (Theo dõi) = interested + negotiation + pending_approval. */
export const OpportunityStageFilter = Type.Enum([...opportunityStages, 'following']);

export const OpportunityListQuery = Type.Object({
  customerId: Type.Optional(Id),
  ownerId: Type.Optional(Id),
  stage: Type.Optional(OpportunityStageFilter),
  ...Paging,
});
export type OpportunityListQuery = Static<typeof OpportunityListQuery>;

export const OpportunityPage = Page(Opportunity);
