import type { ColDef, GridApi, IDatasource, RowSelectionOptions, SelectionColumnDef } from 'ag-grid-community';
import { AgGridReact, type AgGridReactProps } from 'ag-grid-react';
import { useMemo, useRef } from 'react';
import { useI18n } from '../i18n/useI18n';
import { columnPaste } from './clipboard/columnPaste';
import { useGridClipboard, type RowsPaste } from './clipboard/useGridClipboard';
import type { GridColumn } from './editing/cellEdit';
import { useCellEditing, type RowSaver } from './editing/useCellEditing';
import { gridLocaleText } from './gridLocaleText';
import { gridTheme } from './gridTheme';
import { LoadedRowsCheckbox } from './LoadedRowsCheckbox';
import { useColumnStatePersistence } from './useColumnStatePersistence';

const blockSize = 100;
// Every cell's whole text on hover, as the cell shows it (formatted), only where it is cut off.
const defaultColumn: ColDef = { resizable: true, sortable: false, tooltip: true };
const selectionColumn: SelectionColumnDef = { headerComponent: LoadedRowsCheckbox, width: 48, pinned: 'left', lockPinned: true };
const rowSelection: RowSelectionOptions = { mode: 'multiRow', checkboxes: true, headerCheckbox: false, enableClickSelection: true };

export type DataGridProps<Row> = {
  /** The columns; editable ones declare `edit` (renderer/grid/editing/cellEdit.ts). */
  columns: GridColumn<Row>[];
  /** Infinite Row Model blocks from the server (createInfiniteDatasource). */
  datasource: IDatasource;
  /** How the entity saves a cell and reloads a row, and which rows the user may edit. */
  saver: RowSaver<Row>;
  /** The user preference holding the column layout. */
  columnStateKey: string;
  /** Double-clicking this column, or any cell the user may not edit, opens the row. */
  openColId: string;
  onOpen: (row: Row) => void;
  onReady: (api: GridApi<Row>) => void;
  /** Pasting several values down a column (one request for all rows); without it a paste fills only the focused cell. */
  paste?: RowsPaste<Row>;
  /** Anything else AG Grid takes, for one grid's needs (key handlers, density…). */
  gridOptions?: Omit<AgGridReactProps<Row>, 'columnDefs' | 'datasource' | 'onGridReady'>;
};

/**
 * The one grid setup: Infinite Row Model (the server sorts, filters and pages, blocks of 100),
 * the office theme and locale, tooltips on cut-off cells, the row selection column, the column
 * layout saved per user, and in-cell editing of the columns that declare it. A grid (customers,
 * later pool, opportunities…) declares its columns, its datasource and its saver.
 */
export function DataGrid<Row>({ columns, datasource, saver, columnStateKey, openColId, onOpen, onReady, paste, gridOptions }: DataGridProps<Row>) {
  const { locale, t } = useI18n();
  const columnState = useColumnStatePersistence(columnStateKey);
  const editing = useCellEditing(columns, saver);
  const api = useRef<GridApi<Row> | null>(null);
  // Ctrl+C / Ctrl+V (renderer/grid/clipboard): a paste lands only in cells the user may edit.
  const pastable = useMemo(() => columnPaste(columns, saver, t), [columns, saver, t]);
  const clipboard = useGridClipboard(() => api.current, pastable, paste);
  const saveLayout = ({ api: gridApi }: { api: GridApi<Row> }) => columnState.save(gridApi);

  return (
    <div
      className="data-grid"
      onKeyDown={(event) => {
        editing.onKeyDown(api.current, event);
        clipboard.onKeyDown(event);
      }}
      onPaste={clipboard.onPaste}
    >
      <AgGridReact<Row>
        theme={gridTheme}
        localeText={gridLocaleText(locale)}
        columnDefs={editing.columnDefs}
        defaultColDef={defaultColumn}
        rowModelType="infinite"
        cacheBlockSize={blockSize}
        infiniteInitialRowCount={1}
        maxConcurrentDatasourceRequests={2}
        getRowId={({ data }) => saver.rowId(data)}
        // New column definitions (the managed lists arrive after the saved layout was restored) keep the user's order.
        maintainColumnOrder
        tooltipShowMode="whenTruncated"
        tooltipShowDelay={400}
        rowSelection={rowSelection}
        selectionColumnDef={selectionColumn}
        // The grid never writes an edit itself: each commit is a versioned save (useCellEditing).
        readOnlyEdit
        onCellEditingStarted={editing.onCellEditingStarted}
        onCellEditRequest={editing.onCellEditRequest}
        // Double-click is decided below (edit, or open the row); Enter, F2 and typing start editing.
        suppressClickEdit
        stopEditingWhenCellsLoseFocus
        onCellDoubleClicked={({ data, node, column, api: gridApi }) => {
          if (!data) return;
          const colId = column.getColId();
          if (colId !== openColId && editing.isEditableCell(data, colId)) gridApi.startEditingCell({ rowIndex: node.rowIndex ?? 0, colKey: colId });
          else onOpen(data);
        }}
        onGridReady={async ({ api: gridApi }) => {
          api.current = gridApi;
          await columnState.restore(gridApi);
          if (gridApi.isDestroyed()) return;
          gridApi.setGridOption('datasource', datasource);
          onReady(gridApi);
        }}
        onSortChanged={saveLayout}
        onColumnMoved={(event) => event.finished && saveLayout(event)}
        onColumnResized={(event) => event.finished && saveLayout(event)}
        onColumnPinned={saveLayout}
        onColumnVisible={saveLayout}
        {...gridOptions}
      />
      {editing.dialog}
      {clipboard.preview}
    </div>
  );
}
