import type { GridApi } from 'ag-grid-community';
import { useCallback, useRef, useState } from 'react';
import type { Customer, CustomerFilter } from '../../../shared/schemas/customers';
import { loadedNodes } from '../../grid/loadedNodes';
import type { CustomerSelection } from './customerSelection';

const nothing: CustomerSelection = { kind: 'rows', rows: [] };

/**
 * Follows the grid's selection. In "all matching" mode every row that loads later is ticked too,
 * and a row the user unticks is remembered as an exclusion.
 */
export function useCustomerSelection() {
  const gridApi = useRef<GridApi<Customer> | null>(null);
  const allMatching = useRef(false);
  const excluded = useRef(new Set<number>());
  const [selection, setSelection] = useState<CustomerSelection>(nothing);
  const [loadedCount, setLoadedCount] = useState(0);

  const clear = useCallback(() => {
    allMatching.current = false;
    excluded.current.clear();
    gridApi.current?.deselectAll('all', 'api');
    setSelection(nothing);
  }, []);

  const attach = useCallback((api: GridApi<Customer>) => {
    gridApi.current = api;
    clear();
    api.addEventListener('selectionChanged', (event) => {
      if (event.source === 'api') return;
      if (allMatching.current && (event.source === 'checkboxSelected' || event.source === 'spaceKey')) {
        for (const node of loadedNodes(api)) {
          if (!node.data) continue;
          if (node.isSelected()) excluded.current.delete(node.data.id);
          else excluded.current.add(node.data.id);
        }
        const excludeIds = [...excluded.current];
        setSelection((current) => (current.kind === 'allMatching' ? { ...current, excludeIds } : current));
        return;
      }
      allMatching.current = false;
      setSelection({ kind: 'rows', rows: api.getSelectedRows() });
    });
    api.addEventListener('filterChanged', clear);
    api.addEventListener('modelUpdated', () => {
      const nodes = loadedNodes(api);
      setLoadedCount(nodes.length);
      if (!allMatching.current) return;
      const toTick = nodes.filter((node) => node.data && !node.isSelected() && !excluded.current.has(node.data.id));
      if (toTick.length > 0) api.setNodesSelected({ nodes: toTick, newValue: true, source: 'api' });
    });
  }, [clear]);

  const selectAllMatching = useCallback((filter: CustomerFilter, total: number) => {
    const api = gridApi.current;
    if (!api) return;
    allMatching.current = true;
    excluded.current.clear();
    api.setNodesSelected({ nodes: loadedNodes(api), newValue: true, source: 'api' });
    setSelection({ kind: 'allMatching', filter, total, excludeIds: [] });
  }, []);

  return { selection, loadedCount, attach, selectAllMatching, clear };
}
