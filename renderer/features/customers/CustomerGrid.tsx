import type { GridApi } from 'ag-grid-community';
import { useMemo, useRef } from 'react';
import type { CareStatus, CustomerGroup, CustomerType } from '../../../shared/schemas/classification';
import type { BulkEditChange, Customer, CustomerFilter } from '../../../shared/schemas/customers';
import { customerSortFields } from '../../../shared/schemas/enums';
import { customersApi } from '../../api/customersApi';
import { describeError } from '../../api/describeError';
import { createInfiniteDatasource } from '../../grid/createInfiniteDatasource';
import { DataGrid } from '../../grid/DataGrid';
import type { RowsPaste } from '../../grid/clipboard/useGridClipboard';
import type { GridColumn } from '../../grid/editing/cellEdit';
import type { RowSaver } from '../../grid/editing/useCellEditing';
import { sortParam } from '../../grid/sortParam';
import { useReloadOnChange } from '../../grid/useReloadOnChange';
import { useI18n } from '../../i18n/useI18n';
import { useToast } from '../../ui/toastContext';
import { buildCustomerFilter, type ToolbarFilter } from './buildCustomerFilter';
import { customerColumns } from './customerColumns';

export type LoadedBlock = { total: number; totalEstimated?: boolean; filter: CustomerFilter };

type CustomerGridProps = {
  toolbarFilter: ToolbarFilter;
  types: CustomerType[];
  groups: CustomerGroup[];
  careStatuses: CareStatus[];
  /** Managers and admins: the owner cell edits (through the server's owner-change operation). */
  mayChangeOwner: boolean;
  onReady: (api: GridApi<Customer>) => void;
  onBlockLoaded: (block: LoadedBlock) => void;
  onOpen: (customer: Customer) => void;
  /** Another customer list on this grid (the common pool): its columns, the filter it always adds, its saved layout. */
  variant?: CustomerGridVariant;
};

export type CustomerGridVariant = { columns: GridColumn<Customer>[]; filter: CustomerFilter; columnStateKey: string };

/** Each cell edit is a PATCH of the customer's version; only customers the user may edit ('edit' access) edit. */
const customerSaver: RowSaver<Customer> = {
  rowId: (customer) => String(customer.id),
  saveCell: (customer, patch) => customersApi.update(customer.id, { version: customer.version, ...patch }),
  loadRow: (customer) => customersApi.get(customer.id),
  changedBy: (customer) => ({ name: customer.updatedByName, at: customer.updatedAt }),
  editableRow: (customer) => customer.access === 'edit',
};

/** A paste down a column: one bulk edit, each row with the version the grid shows (all or nothing). */
const customerRowsPaste = (entityLabel: string): RowsPaste<Customer> => ({
  entityLabel,
  rowLabel: (customer) => customer.name,
  saveRows: async (changes, idempotencyKey) => {
    const body = changes.map(({ row, patch }): BulkEditChange => ({ id: row.id, version: row.version, ...patch }));
    return (await customersApi.bulkEdit({ changes: body }, idempotencyKey)).rows;
  },
});

/** The customer list on the one DataGrid: the server sorts, filters and pages; the name cell opens the customer. */
export function CustomerGrid({ toolbarFilter, types, groups, careStatuses, mayChangeOwner, onReady, onBlockLoaded, onOpen, variant }: CustomerGridProps) {
  const { t } = useI18n();
  const showToast = useToast();
  const variantColumns = variant?.columns;
  const columns = useMemo(
    () => variantColumns ?? customerColumns(t, { types, groups, careStatuses }, mayChangeOwner),
    [variantColumns, t, types, groups, careStatuses, mayChangeOwner],
  );

  const paste = useMemo(() => customerRowsPaste(t('customers.entity')), [t]);

  const api = useRef<GridApi<Customer> | null>(null);
  // The datasource is created once; it reads the latest toolbar filter and callbacks through refs.
  const latest = useRef({ toolbarFilter, onBlockLoaded, showToast, t, variant });
  latest.current = { toolbarFilter, onBlockLoaded, showToast, t, variant };
  const datasource = useMemo(
    () =>
      createInfiniteDatasource<Customer>(
        async ({ offset, limit, sortModel, filterModel }) => {
          const toolbarAtStart = latest.current.toolbarFilter;
          const filter = { ...buildCustomerFilter(toolbarAtStart, filterModel), ...latest.current.variant?.filter };
          const page = await customersApi.list({ ...filter, sort: sortParam(sortModel, customerSortFields), offset, limit });
          // A block requested before the filters changed must not overwrite the new total.
          const stillCurrent = toolbarAtStart === latest.current.toolbarFilter && JSON.stringify(filterModel) === JSON.stringify(api.current?.getFilterModel() ?? {});
          if (stillCurrent) latest.current.onBlockLoaded({ total: page.total, totalEstimated: page.totalEstimated, filter });
          return page;
        },
        (error) => latest.current.showToast(describeError(error, latest.current.t), 'error'),
      ),
    [],
  );

  useReloadOnChange(api, toolbarFilter);

  return (
    <DataGrid<Customer>
      columns={columns}
      datasource={datasource}
      saver={customerSaver}
      columnStateKey={variant?.columnStateKey ?? 'customerGrid.columnState'}
      openColId="name"
      onOpen={onOpen}
      paste={paste}
      onReady={(gridApi) => {
        api.current = gridApi;
        onReady(gridApi);
      }}
    />
  );
}
