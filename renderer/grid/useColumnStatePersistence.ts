import type { ColumnState, GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useRef } from 'react';
import { preferencesApi } from '../api/preferencesApi';

const saveDelayMs = 600;

function isColumnStateList(value: unknown): value is ColumnState[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'object' && item !== null && typeof item.colId === 'string');
}

/**
 * Remembers a grid's column order, widths, pinning, visibility and sort per user,
 * in the server preference `key`: `restore` once the grid is ready, `save` on every column change.
 */
export function useColumnStatePersistence(key: string) {
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const restoring = useRef(false);
  useEffect(() => () => clearTimeout(timer.current), []);

  const restore = useCallback(
    async (api: GridApi) => {
      const saved = await preferencesApi.get(key).catch(() => null);
      if (!isColumnStateList(saved) || api.isDestroyed()) return;
      restoring.current = true;
      api.applyColumnState({ state: saved, applyOrder: true });
      restoring.current = false;
    },
    [key],
  );

  const save = useCallback(
    (api: GridApi) => {
      if (restoring.current) return;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        // A lost layout preference is not worth interrupting the user for.
        if (!api.isDestroyed()) preferencesApi.put(key, api.getColumnState()).catch(() => undefined);
      }, saveDelayMs);
    },
    [key],
  );

  return { restore, save };
}
