import type { ColumnState, GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useRef } from 'react';
import { preferencesApi } from '../api/preferencesApi';
import { densityOf, isDensity, setDensity, type Density } from './columns/density';

const saveDelayMs = 600;

/** The saved layout; before density existed it was the column state list alone. */
type SavedLayout = { columns: ColumnState[]; density?: Density };

function isColumnStateList(value: unknown): value is ColumnState[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'object' && item !== null && typeof item.colId === 'string');
}

function savedLayout(value: unknown): SavedLayout | null {
  if (isColumnStateList(value)) return { columns: value };
  if (typeof value !== 'object' || value === null) return null;
  const { columns, density } = value as Record<string, unknown>;
  if (!isColumnStateList(columns)) return null;
  return { columns, density: isDensity(density) ? density : undefined };
}

/**
 * Remembers a grid's column order, widths, pinning, visibility, sort and row density per user,
 * in the server preference `key`: `restore` once the grid is ready, `save` on every column change
 * (a density change saves itself).
 */
export function useColumnStatePersistence(key: string) {
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const restoring = useRef(false);
  useEffect(() => () => clearTimeout(timer.current), []);

  const save = useCallback(
    (api: GridApi) => {
      if (restoring.current) return;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        if (api.isDestroyed()) return;
        const layout: SavedLayout = { columns: api.getColumnState(), density: densityOf(api) };
        // A lost layout preference is not worth interrupting the user for.
        preferencesApi.put(key, layout).catch(() => undefined);
      }, saveDelayMs);
    },
    [key],
  );

  const restore = useCallback(
    async (api: GridApi) => {
      const saved = savedLayout(await preferencesApi.get(key).catch(() => null));
      if (api.isDestroyed()) return;
      if (saved) {
        restoring.current = true;
        api.applyColumnState({ state: saved.columns, applyOrder: true });
        if (saved.density) setDensity(api, saved.density);
        restoring.current = false;
      }
      // AG Grid announces option changes (rowHeight: setDensity) with the changed options on the event.
      api.addEventListener('componentStateChanged', (event) => 'rowHeight' in event && save(api));
    },
    [key, save],
  );

  return { restore, save };
}
