/** Value lists shared by server, UI and tests. */
export const roles = ['admin', 'manager', 'staff'] as const;
export type Role = (typeof roles)[number];

export const activityStatuses = ['not_started', 'in_progress', 'done'] as const;
export type ActivityStatus = (typeof activityStatuses)[number];

export const activityTypes = ['call', 'meeting', 'email', 'task', 'visit', 'other'] as const;
export type ActivityType = (typeof activityTypes)[number];

/** What a share reveals of a customer (O2). */
export const infoTypes = ['general', 'contacts', 'activities', 'opportunities', 'quotes', 'contracts', 'orders'] as const;
export type InfoType = (typeof infoTypes)[number];

export const shareSources = ['share', 'assigned', 'multi_assign'] as const;
/** Why a user sees a customer in its "Chia sẻ" tab: a share row's source, or old records shared by a transfer (O1). */
export const customerShareReasons = [...shareSources, 'transfer'] as const;
/** Records shared one by one (record_shares.record_type). */
export const sharedRecordTypes = ['activity', 'opportunity', 'quote', 'contract', 'order'] as const;

/** O2: add to the existing shares, make the chosen users the only ones, or take them away. */
export const shareModes = ['add', 'replace', 'remove'] as const;
export type ShareMode = (typeof shareModes)[number];

export const groupModes = ['move', 'add', 'remove'] as const;
export type GroupMode = (typeof groupModes)[number];

/** Opportunity stages (S1), in pipeline order; `following` in a search means interested + negotiation + pending_approval. */
export const opportunityStages = ['initial', 'interested', 'negotiation', 'pending_approval', 'won', 'lost'] as const;
export type OpportunityStage = (typeof opportunityStages)[number];
export const followingStages = ['interested', 'negotiation', 'pending_approval'] as const satisfies readonly OpportunityStage[];

export const quoteStatuses = ['open', 'accepted', 'rejected'] as const;
export const contractStatuses = ['draft', 'active', 'completed', 'cancelled'] as const;
export const orderStatuses = ['open', 'delivered', 'cancelled'] as const;
export const paymentMethods = ['cash', 'transfer', 'card', 'other'] as const;

/** How the signed-in user may act on a customer: derived from the access rules. */
export const customerAccessLevels = ['edit', 'read', 'pool'] as const;
export type CustomerAccess = (typeof customerAccessLevels)[number];

/** Sortable customer columns (API names = the grid's column ids). */
export const customerSortFields = [
  'name', 'code', 'email', 'phone', 'taxCode', 'address', 'score', 'stars', 'careStatus', 'createdAt', 'updatedAt', 'ownerAssignedAt',
  'typeName', 'groups', 'ownerName', 'revenue', 'poolDaysLeft',
] as const;
export type CustomerSortField = (typeof customerSortFields)[number];

/** Saving a customer whose tax code another customer has: warn (the form asks first) or refuse (409 DUPLICATE). */
export const duplicateTaxCodeModes = ['warn', 'refuse'] as const;
export type DuplicateTaxCodeMode = (typeof duplicateTaxCodeModes)[number];
