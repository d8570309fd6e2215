import type { GridApi } from 'ag-grid-community';
import { useCallback, useRef, useState } from 'react';
import type { Customer } from '../../../shared/schemas/customers';
import { refreshLoadedRows } from '../../grid/refreshLoadedRows';

/**
 * A page's handle on its CustomerGrid: the api for actions, the same api as state (the toolbar's
 * layout controls wait for it), `onReady` for the grid (also handing it to `attach`, the selection),
 * and `refreshRows`, which refetches the loaded blocks in place (scroll and selection stay).
 */
export function useCustomerGridApi(attach: (api: GridApi<Customer>) => void) {
  const gridApi = useRef<GridApi<Customer> | null>(null);
  const [layoutApi, setLayoutApi] = useState<GridApi<Customer> | null>(null);
  const onReady = useCallback(
    (api: GridApi<Customer>) => {
      gridApi.current = api;
      setLayoutApi(api);
      attach(api);
    },
    [attach],
  );
  const refreshRows = useCallback(() => refreshLoadedRows(gridApi.current), []);
  return { gridApi, layoutApi, onReady, refreshRows };
}
