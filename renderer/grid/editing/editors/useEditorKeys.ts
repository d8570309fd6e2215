import type { GridApi } from 'ag-grid-community';
import { useCallback, type KeyboardEvent } from 'react';

/**
 * Enter and Escape of a popup picker. The grid is told to leave them to the editor
 * (`suppressKeyboardEvent`, see DataGrid): it would see them first and commit before the pick.
 * What the picker did not use (its list closed) commits or cancels the edit here.
 */
export function useEditorKeys(api: GridApi, stopEditing: () => void) {
  return useCallback(
    (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      if (event.key === 'Enter') stopEditing();
      else if (event.key === 'Escape') api.stopEditing(true);
    },
    [api, stopEditing],
  );
}

/** The keys a popup picker handles itself while it edits. */
export const pickerKeys = new Set(['Enter', 'Escape', 'ArrowUp', 'ArrowDown']);
