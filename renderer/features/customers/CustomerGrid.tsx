import type { ColDef, GridApi, RowSelectionOptions, SelectionColumnDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useEffect, useMemo, useRef } from 'react';
import type { CareStatus, CustomerGroup } from '../../../shared/schemas/classification';
import type { Customer, CustomerFilter } from '../../../shared/schemas/customers';
import { customerSortFields } from '../../../shared/schemas/enums';
import { customersApi } from '../../api/customersApi';
import { describeError } from '../../api/describeError';
import { createInfiniteDatasource } from '../../grid/createInfiniteDatasource';
import { gridLocaleText } from '../../grid/gridLocaleText';
import { gridTheme } from '../../grid/gridTheme';
import { LoadedRowsCheckbox } from '../../grid/LoadedRowsCheckbox';
import { sortParam } from '../../grid/sortParam';
import { useColumnStatePersistence } from '../../grid/useColumnStatePersistence';
import { useI18n } from '../../i18n/useI18n';
import { useToast } from '../../ui/toastContext';
import { buildCustomerFilter, type ToolbarFilter } from './buildCustomerFilter';
import { customerColumns } from './customerColumns';

const blockSize = 100;

const rowSelection: RowSelectionOptions<Customer> = { mode: 'multiRow', checkboxes: true, headerCheckbox: false, enableClickSelection: true };
// Every cell's whole text on hover, as the cell shows it (formatted), only where it is cut off.
const defaultColumn: ColDef<Customer> = { resizable: true, sortable: false, tooltip: true };
const selectionColumn: SelectionColumnDef = { headerComponent: LoadedRowsCheckbox, width: 48, pinned: 'left', lockPinned: true };

export type LoadedBlock = { total: number; filter: CustomerFilter };

type CustomerGridProps = {
  toolbarFilter: ToolbarFilter;
  groups: CustomerGroup[];
  careStatuses: CareStatus[];
  onReady: (api: GridApi<Customer>) => void;
  onBlockLoaded: (block: LoadedBlock) => void;
  onOpen: (customer: Customer) => void;
};

/** The customer list on the Infinite Row Model: the server sorts, filters and pages; blocks of 100 rows. */
export function CustomerGrid({ toolbarFilter, groups, careStatuses, onReady, onBlockLoaded, onOpen }: CustomerGridProps) {
  const { t, locale } = useI18n();
  const showToast = useToast();
  const columnState = useColumnStatePersistence('customerGrid.columnState');
  const columnDefs = useMemo(() => customerColumns(t, groups, careStatuses), [t, groups, careStatuses]);

  const api = useRef<GridApi<Customer> | null>(null);
  // The datasource is created once; it reads the latest toolbar filter and callbacks through refs.
  const latest = useRef({ toolbarFilter, onBlockLoaded, showToast, t });
  latest.current = { toolbarFilter, onBlockLoaded, showToast, t };
  const datasource = useMemo(
    () =>
      createInfiniteDatasource<Customer>(
        async ({ offset, limit, sortModel, filterModel }) => {
          const toolbarAtStart = latest.current.toolbarFilter;
          const filter = buildCustomerFilter(toolbarAtStart, filterModel);
          const page = await customersApi.list({ ...filter, sort: sortParam(sortModel, customerSortFields), offset, limit });
          // A block requested before the filters changed must not overwrite the new total.
          const stillCurrent = toolbarAtStart === latest.current.toolbarFilter && JSON.stringify(filterModel) === JSON.stringify(api.current?.getFilterModel() ?? {});
          if (stillCurrent) latest.current.onBlockLoaded({ total: page.total, filter });
          return page;
        },
        (error) => latest.current.showToast(describeError(error, latest.current.t), 'error'),
      ),
    [],
  );

  useEffect(() => {
    if (!api.current) return;
    if (api.current.getDisplayedRowCount() > 0) api.current.ensureIndexVisible(0, 'top');
    api.current.purgeInfiniteCache();
  }, [toolbarFilter]);

  return (
    <AgGridReact<Customer>
      theme={gridTheme}
      localeText={gridLocaleText(locale)}
      columnDefs={columnDefs}
      defaultColDef={defaultColumn}
      rowModelType="infinite"
      cacheBlockSize={blockSize}
      infiniteInitialRowCount={1}
      maxConcurrentDatasourceRequests={2}
      getRowId={({ data }) => String(data.id)}
      tooltipShowMode="whenTruncated"
      tooltipShowDelay={400}
      rowSelection={rowSelection}
      selectionColumnDef={selectionColumn}
      onGridReady={async ({ api: gridApi }) => {
        api.current = gridApi;
        await columnState.restore(gridApi);
        if (gridApi.isDestroyed()) return;
        gridApi.setGridOption('datasource', datasource);
        onReady(gridApi);
      }}
      onRowDoubleClicked={({ data }) => data && onOpen(data)}
      onSortChanged={({ api: gridApi }) => columnState.save(gridApi)}
      onColumnMoved={({ api: gridApi, finished }) => finished && columnState.save(gridApi)}
      onColumnResized={({ api: gridApi, finished }) => finished && columnState.save(gridApi)}
      onColumnPinned={({ api: gridApi }) => columnState.save(gridApi)}
      onColumnVisible={({ api: gridApi }) => columnState.save(gridApi)}
    />
  );
}
