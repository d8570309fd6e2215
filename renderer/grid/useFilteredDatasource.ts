import type { GridApi, IDatasource } from 'ag-grid-community';
import { useMemo, useRef, type RefObject } from 'react';
import { describeError } from '../api/describeError';
import { useI18n } from '../i18n/useI18n';
import { useToast } from '../ui/toastContext';
import { createInfiniteDatasource, type Block, type BlockRequest } from './createInfiniteDatasource';
import { useReloadOnChange } from './useReloadOnChange';

/**
 * The datasource of a grid filtered from outside it (a toolbar, a search panel). Made once, it
 * reads the latest filter and callbacks through a ref: each block asks `load` with the filter in
 * force, and `onBlock` hears its total unless the filter changed meanwhile (a stale total must not
 * overwrite the new one). A new filter reloads the grid from the top; a failure is a toast.
 */
export function useFilteredDatasource<Row, Filter>(
  api: RefObject<GridApi<Row> | null>,
  filter: Filter,
  load: (filter: Filter, request: BlockRequest) => Promise<Block<Row>>,
  onBlock: (block: { total: number; totalEstimated?: boolean; filter: Filter }) => void,
): IDatasource {
  const { t } = useI18n();
  const showToast = useToast();
  const latest = useRef({ filter, load, onBlock, showToast, t });
  latest.current = { filter, load, onBlock, showToast, t };
  const datasource = useMemo(
    () =>
      createInfiniteDatasource<Row>(
        async (request) => {
          const filterAtStart = latest.current.filter;
          const page = await latest.current.load(filterAtStart, request);
          if (filterAtStart === latest.current.filter) latest.current.onBlock({ total: page.total, totalEstimated: page.totalEstimated, filter: filterAtStart });
          return page;
        },
        (error) => latest.current.showToast(describeError(error, latest.current.t), 'error'),
      ),
    [],
  );
  useReloadOnChange(api, filter);
  return datasource;
}
