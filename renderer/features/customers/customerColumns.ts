import type { ColDef } from 'ag-grid-community';
import { formatDate, formatMoney } from '../../../shared/format';
import type { CareStatus, CustomerGroup, CustomerType } from '../../../shared/schemas/classification';
import type { Customer, UpdateCustomerBody } from '../../../shared/schemas/customers';
import { customerSortFields } from '../../../shared/schemas/enums';
import { multiSelectEditor, selectEditor, textEditor, userEditor, type CellEdit, type GridColumn } from '../../grid/editing/cellEdit';
import { optionalText, requiredText, tagList } from '../../grid/editing/parseValues';
import type { Translate } from '../../i18n/translate';
import type { PickedUser } from '../common/searchUsers';
import { poolDaysLeftColumn } from '../pool/poolDaysLeftColumn';
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

type CustomerColumnLists = { types: CustomerType[]; groups: CustomerGroup[]; careStatuses: CareStatus[] };

const text = (get: (customer: Customer) => string | null, field: keyof UpdateCustomerBody, parse = optionalText, inputMode?: 'tel' | 'email'): CellEdit<Customer> => ({
  editor: textEditor({ parse, inputMode }),
  value: get,
  patch: (value) => ({ [field]: value }),
  text: (customer) => get(customer) ?? '',
});

/**
 * Column ids are the API's field names: the sort model and filter model go to the server as they are.
 * Only the fields the API can sort by are sortable, only its text filters are filterable. Editable
 * columns declare how they edit (`edit`); the grid saves each edit as a PATCH of the row's version,
 * on rows the user may edit. The owner changes only for managers and admins (`mayChangeOwner`).
 */
export function customerColumns(t: Translate, { types, groups, careStatuses }: CustomerColumnLists, mayChangeOwner: boolean): GridColumn<Customer>[] {
  const groupNames = new Map(groups.map((group) => [group.id, group.name]));
  const groupText = (customer: Customer) => customer.groupIds.map((id) => groupNames.get(id) ?? `#${id}`).join(', ');
  const careText = (customer: Customer) => careStatusName(customer.careStatus, careStatuses) ?? '';
  const columns: GridColumn<Customer>[] = [
    { colId: 'code', field: 'code', headerName: t('field.code'), width: 150, edit: text((customer) => customer.code, 'code', requiredText) },
    // Double-click opens the customer (DataGrid's openColId); Enter, F2 or typing edit the name.
    { colId: 'name', field: 'name', headerName: t('field.name'), width: 240, cellClass: 'grid-cell-opens', edit: text((customer) => customer.name, 'name', requiredText) },
    {
      colId: 'typeName', field: 'typeName', headerName: t('field.type'), width: 150,
      edit: {
        editor: selectEditor(() => types.map((type) => ({ id: type.id, label: type.name }))),
        value: (customer) => customer.typeId,
        patch: (typeId) => ({ typeId }),
        text: (customer) => customer.typeName ?? '',
      },
    },
    { colId: 'tierName', field: 'tierName', headerName: t('field.tier'), width: 120 },
    {
      colId: 'groups', headerName: t('field.groups'), width: 190,
      valueGetter: ({ data }) => (data ? groupText(data) : ''),
      edit: {
        editor: multiSelectEditor(t('field.groups'), () => groups.map((group) => ({ id: group.id, label: group.name }))),
        value: (customer) => customer.groupIds,
        patch: (groupIds) => ({ groupIds }),
        text: groupText,
      },
    },
    { colId: 'phone', field: 'phone', headerName: t('field.phone'), width: 140, edit: text((customer) => customer.phone, 'phone', optionalText, 'tel') },
    { colId: 'email', field: 'email', headerName: t('field.email'), width: 200, edit: text((customer) => customer.email, 'email', optionalText, 'email') },
    { colId: 'taxCode', field: 'taxCode', headerName: t('field.taxCode'), width: 130, edit: text((customer) => customer.taxCode, 'taxCode') },
    { colId: 'address', field: 'address', headerName: t('field.address'), width: 240, edit: text((customer) => customer.address, 'address') },
    {
      colId: 'ownerName', field: 'ownerName', headerName: t('field.owner'), width: 170,
      edit: {
        editor: userEditor('owner'),
        value: (customer) => (customer.ownerId ? { id: customer.ownerId, fullName: customer.ownerName ?? '' } : null),
        // The server moves the owner through the one owner-change operation (history, notifications).
        patch: (user) => ({ ownerId: (user as PickedUser).id }),
        text: (customer) => customer.ownerName ?? '',
        allowed: () => mayChangeOwner,
      },
    },
    { colId: 'stars', field: 'stars', headerName: t('field.stars'), width: 120, valueFormatter: ({ value }) => (typeof value === 'number' ? starsText(value) : '') },
    { colId: 'score', field: 'score', headerName: t('field.score'), width: 90, type: 'rightAligned' },
    // Empty (not 0 ₫) when the user may not see the customer's contracts. Kept by the contracts, never edited here.
    { colId: 'revenue', field: 'revenue', headerName: t('field.revenue'), width: 160, type: 'rightAligned', valueFormatter: ({ value }) => formatMoney(value) },
    {
      colId: 'careStatus', field: 'careStatus', headerName: t('field.careStatus'), width: 170, valueFormatter: ({ data }) => (data ? careText(data) : ''),
      edit: {
        editor: selectEditor(() => careStatuses.map((status) => ({ id: status.id, label: status.name }))),
        value: (customer) => careStatuses.find((status) => status.value === customer.careStatus)?.id ?? null,
        patch: (id) => ({ careStatus: careStatuses.find((status) => status.id === id)?.value ?? null }),
        text: careText,
      },
    },
    {
      colId: 'tags', field: 'tags', headerName: t('field.tags'), width: 170, valueFormatter: ({ value }) => (Array.isArray(value) ? value.join(', ') : ''),
      edit: {
        editor: textEditor({ parse: (typed) => ({ value: tagList(typed) }), format: (value) => (value as string[]).join(', ') }),
        value: (customer) => customer.tags,
        patch: (tags) => ({ tags }),
        text: (customer) => customer.tags.join(', '),
      },
    },
    { colId: 'createdAt', field: 'createdAt', headerName: t('field.createdAt'), width: 120, valueFormatter: ({ value }) => formatDate(value) },
    { colId: 'ownerAssignedAt', field: 'ownerAssignedAt', headerName: t('field.ownerAssignedAt'), width: 130, valueFormatter: ({ value }) => formatDate(value) },
    poolDaysLeftColumn(t),
  ];
  const sortable: readonly string[] = customerSortFields;
  const filterable: readonly string[] = customerTextFilterFields;
  return columns.map((column) => ({
    ...column,
    sortable: sortable.includes(column.colId),
    ...(filterable.includes(column.colId) ? textFilter : {}),
  }));
}
