import type { GridApi } from 'ag-grid-community';

/** After a change: the loaded blocks refetch in place (scroll and selection stay). */
export function refreshLoadedRows(api: GridApi | null): void {
  // An empty list has no loaded block to refetch in place: only a purge asks the server again.
  if (api?.getDisplayedRowCount() === 0) api.purgeInfiniteCache();
  else api?.refreshInfiniteCache();
}
