import type { GridApi } from 'ag-grid-community';
import { useEffect, type RefObject } from 'react';

/** A new filter from outside the grid (toolbar, search panel): back to the top, and every block asked for again. */
export function useReloadOnChange<Row>(api: RefObject<GridApi<Row> | null>, filter: unknown): void {
  useEffect(() => {
    if (!api.current) return;
    if (api.current.getDisplayedRowCount() > 0) api.current.ensureIndexVisible(0, 'top');
    api.current.purgeInfiniteCache();
  }, [api, filter]);
}
