import type { GridApi } from 'ag-grid-community';
import type { ColumnSpec } from '../../../shared/columns/ColumnSpec';

/** The grid's visible columns, in display order, that the export knows (a comma list for `columns`). */
export function visibleExportColumns(api: GridApi | null, specs: ColumnSpec[]): string | undefined {
  if (!api) return undefined;
  const known = new Set(specs.map((spec) => spec.key));
  const keys = api.getAllDisplayedColumns().map((column) => column.getColId()).filter((key) => known.has(key));
  return keys.length > 0 ? keys.join(',') : undefined;
}

/** The grid's sort as the API's `sort` (sortable fields only, up to four), from its column state. */
export function gridSort(api: GridApi | null, sortable: readonly string[]): string | undefined {
  if (!api) return undefined;
  const parts = api.getColumnState()
    .filter((state) => state.sort && sortable.includes(state.colId))
    .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
    .slice(0, 4)
    .map((state) => `${state.colId}:${state.sort}`);
  return parts.length > 0 ? parts.join(',') : undefined;
}
