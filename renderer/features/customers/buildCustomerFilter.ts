import type { FilterModel } from 'ag-grid-community';
import type { CustomerFilter } from '../../../shared/schemas/customers';
import { textFilterValues } from '../../grid/textFilterValues';
import type { PickedUser } from '../common/searchUsers';

/**
 * What the toolbar sets: quick search, types, groups, care status, stars, the owner (with the name
 * the picker shows), a transfer batch, a campaign, a tier, customers a pool rule takes soon.
 */
export type ToolbarFilter = Pick<CustomerFilter, 'search' | 'typeId' | 'groupId' | 'stars' | 'careStatus' | 'batchId' | 'campaignId' | 'tierId' | 'poolDueWithin'> & {
  owner?: PickedUser | null;
};

/** Grid columns whose text filter maps to the same-named API parameter (contains, diacritics-insensitive). */
export const customerTextFilterFields = ['name', 'code', 'email', 'phone', 'taxCode', 'address'] as const satisfies readonly (keyof CustomerFilter)[];

/** The list filter the grid is showing: toolbar + column filters. "Select all matching" sends this same object. */
export function buildCustomerFilter(toolbar: ToolbarFilter, filterModel: FilterModel): CustomerFilter {
  const filter: CustomerFilter = { ...textFilterValues(filterModel, customerTextFilterFields) };
  const search = toolbar.search?.trim();
  if (search) filter.search = search;
  if (toolbar.typeId?.length) filter.typeId = toolbar.typeId;
  if (toolbar.groupId?.length) filter.groupId = toolbar.groupId;
  if (toolbar.stars?.length) filter.stars = toolbar.stars;
  if (toolbar.careStatus) filter.careStatus = toolbar.careStatus;
  if (toolbar.owner) filter.ownerId = toolbar.owner.id;
  if (toolbar.batchId) filter.batchId = toolbar.batchId;
  if (toolbar.campaignId) filter.campaignId = toolbar.campaignId;
  if (toolbar.tierId) filter.tierId = toolbar.tierId;
  if (toolbar.poolDueWithin !== undefined) filter.poolDueWithin = toolbar.poolDueWithin;
  return filter;
}
