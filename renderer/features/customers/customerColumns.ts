import type { ColDef } from 'ag-grid-community';
import { formatDate, formatMoney } from '../../../shared/format';
import type { CareStatus, CustomerGroup } from '../../../shared/schemas/classification';
import type { Customer } from '../../../shared/schemas/customers';
import { customerSortFields } from '../../../shared/schemas/enums';
import type { Translate } from '../../i18n/translate';
import { customerTextFilterFields } from './buildCustomerFilter';
import { careStatusName } from './careStatusName';

const textFilter: ColDef<Customer> = {
  filter: 'agTextColumnFilter',
  floatingFilter: true,
  filterParams: { filterOptions: ['contains'], maxNumConditions: 1, debounceMs: 400 },
  suppressHeaderMenuButton: true,
};

function starsText(stars: number): string {
  return '★'.repeat(stars) + '☆'.repeat(Math.max(0, 5 - stars));
}

/**
 * Column ids are the API's field names: the sort model and filter model go to the server as they are.
 * Only the fields the API can sort by are sortable, only its text filters are filterable.
 */
export function customerColumns(t: Translate, groups: CustomerGroup[], careStatuses: CareStatus[]): ColDef<Customer>[] {
  const groupNames = new Map(groups.map((group) => [group.id, group.name]));
  const columns: ColDef<Customer>[] = [
    { colId: 'code', field: 'code', headerName: t('field.code'), width: 150 },
    { colId: 'name', field: 'name', headerName: t('field.name'), width: 240 },
    { colId: 'typeName', field: 'typeName', headerName: t('field.type'), width: 150 },
    {
      colId: 'groups',
      headerName: t('field.groups'),
      width: 190,
      valueGetter: ({ data }) => (data ? data.groupIds.map((id) => groupNames.get(id) ?? `#${id}`).join(', ') : ''),
    },
    { colId: 'phone', field: 'phone', headerName: t('field.phone'), width: 140 },
    { colId: 'email', field: 'email', headerName: t('field.email'), width: 200 },
    { colId: 'taxCode', field: 'taxCode', headerName: t('field.taxCode'), width: 130 },
    { colId: 'address', field: 'address', headerName: t('field.address'), width: 240 },
    { colId: 'ownerName', field: 'ownerName', headerName: t('field.owner'), width: 170 },
    { colId: 'stars', field: 'stars', headerName: t('field.stars'), width: 120, valueFormatter: ({ value }) => (typeof value === 'number' ? starsText(value) : '') },
    { colId: 'score', field: 'score', headerName: t('field.score'), width: 90, type: 'rightAligned' },
    // Empty (not 0 ₫) when the user may not see the customer's contracts.
    { colId: 'revenue', field: 'revenue', headerName: t('field.revenue'), width: 160, type: 'rightAligned', valueFormatter: ({ value }) => formatMoney(value) },
    { colId: 'careStatus', field: 'careStatus', headerName: t('field.careStatus'), width: 170, valueFormatter: ({ value }) => careStatusName(value, careStatuses) ?? '' },
    { colId: 'createdAt', field: 'createdAt', headerName: t('field.createdAt'), width: 120, valueFormatter: ({ value }) => formatDate(value) },
    { colId: 'ownerAssignedAt', field: 'ownerAssignedAt', headerName: t('field.ownerAssignedAt'), width: 130, valueFormatter: ({ value }) => formatDate(value) },
  ];
  const sortable: readonly string[] = customerSortFields;
  const filterable: readonly string[] = customerTextFilterFields;
  return columns.map((column) => ({
    ...column,
    sortable: sortable.includes(column.colId ?? ''),
    ...(filterable.includes(column.colId ?? '') ? textFilter : {}),
  }));
}
