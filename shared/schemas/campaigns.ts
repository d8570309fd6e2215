import { Type, type Static } from 'typebox';
import { Id, Name, Nullable } from './common';
import { CustomerSelection } from './customers';

/** A campaign (chiến dịch): a named set of customers; O4 multi-assign rules share a campaign's members. */
export const Campaign = Type.Object({
  id: Id,
  name: Type.String(),
  ownerId: Nullable(Id),
  ownerName: Nullable(Type.String()),
  /** Members the caller may open (deleted customers not counted). */
  memberCount: Type.Integer(),
  /** The caller may rename and delete it: admins every campaign, managers their own and their department's. */
  canManage: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type Campaign = Static<typeof Campaign>;

export const CampaignBody = Type.Object({ name: Name });
export type CampaignBody = Static<typeof CampaignBody>;

/** Add or remove members: explicit `customerIds` (all or nothing) or every editable customer matching `filter`. */
export const CampaignMembersBody = Type.Object({ ...CustomerSelection });
export type CampaignMembersBody = Static<typeof CampaignMembersBody>;

export const CampaignMembersAdded = Type.Object({ added: Type.Integer(), alreadyMembers: Type.Integer() });
export type CampaignMembersAdded = Static<typeof CampaignMembersAdded>;

export const CampaignMembersRemoved = Type.Object({ removed: Type.Integer(), notMembers: Type.Integer() });
export type CampaignMembersRemoved = Static<typeof CampaignMembersRemoved>;
