import type { FilterModel } from 'ag-grid-community';
import type { CustomerFilter } from '../../../shared/schemas/customers';
import { textFilterValues } from '../../grid/textFilterValues';

/** What the toolbar sets: quick search, type, group and stars. */
export type ToolbarFilter = Pick<CustomerFilter, 'search' | 'typeId' | 'groupId' | 'stars'>;

/** Grid columns whose text filter maps to the same-named API parameter (contains, diacritics-insensitive). */
export const customerTextFilterFields = ['name', 'code', 'email', 'phone', 'taxCode', 'address', 'careStatus'] as const satisfies readonly (keyof CustomerFilter)[];

/** The list filter the grid is showing: toolbar + column filters. "Select all matching" sends this same object. */
export function buildCustomerFilter(toolbar: ToolbarFilter, filterModel: FilterModel): CustomerFilter {
  const filter: CustomerFilter = { ...textFilterValues(filterModel, customerTextFilterFields) };
  const search = toolbar.search?.trim();
  if (search) filter.search = search;
  if (toolbar.typeId) filter.typeId = toolbar.typeId;
  if (toolbar.groupId) filter.groupId = toolbar.groupId;
  if (toolbar.stars?.length) filter.stars = toolbar.stars;
  return filter;
}
