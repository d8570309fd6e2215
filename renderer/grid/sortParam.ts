import type { SortModelItem } from 'ag-grid-community';

const maxSortColumns = 4;

/** The grid's sort model as the API's `sort` parameter (`name:asc,createdAt:desc`), sortable fields only. */
export function sortParam(sortModel: SortModelItem[], sortable: readonly string[]): string | undefined {
  const parts = sortModel
    .filter((item) => sortable.includes(item.colId))
    .slice(0, maxSortColumns)
    .map((item) => `${item.colId}:${item.sort}`);
  return parts.length > 0 ? parts.join(',') : undefined;
}
