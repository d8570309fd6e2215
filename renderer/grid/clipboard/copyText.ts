import type { Column, GridApi, IRowNode } from 'ag-grid-community';
import { toTsv } from './tsv';

/** The columns the user sees, in display order, without the grid's own (the selection checkboxes). */
export function dataColumns(api: GridApi): Column[] {
  return api.getAllDisplayedColumns().filter((column) => !column.getColId().startsWith('ag-Grid-'));
}

/** A cell's text as the grid shows it (its value formatter: dd/MM/yyyy, VND, names of ids). */
export function cellText(api: GridApi, node: IRowNode, column: Column): string {
  const value: unknown = api.getCellValue({ rowNode: node, colKey: column, useFormatter: true });
  // A column without a formatter answers its raw value (a number).
  return value === null || value === undefined ? '' : String(value);
}

/** Selected rows that are loaded, in display order. */
export function selectedInOrder<T>(api: GridApi<T>): IRowNode<T>[] {
  return api.getSelectedNodes().filter((node) => node.data && node.rowIndex !== null).sort((a, b) => (a.rowIndex ?? 0) - (b.rowIndex ?? 0));
}

/**
 * What Ctrl+C copies: with rows selected, the loaded ones in display order under a header line of
 * the visible columns; otherwise the focused cell alone. Null when there is nothing to copy.
 */
export function copyText(api: GridApi): string | null {
  const selected = selectedInOrder(api);
  if (selected.length) {
    const columns = dataColumns(api);
    const header = columns.map((column) => api.getDisplayNameForColumn(column, 'header') ?? '');
    return toTsv([header, ...selected.map((node) => columns.map((column) => cellText(api, node, column)))]);
  }
  const focused = api.getFocusedCell();
  const node = focused && focused.rowIndex !== null ? api.getDisplayedRowAtIndex(focused.rowIndex) : undefined;
  if (!focused || !node?.data || focused.column.getColId().startsWith('ag-Grid-')) return null;
  return toTsv([[cellText(api, node, focused.column)]]);
}
