import type { GridApi } from 'ag-grid-community';
import type { CustomHeaderProps } from 'ag-grid-react';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/useI18n';
import { loadedNodes } from './loadedNodes';

type PageState = 'none' | 'some' | 'all';

function pageState<Row>(api: GridApi<Row>): PageState {
  const nodes = loadedNodes(api);
  const selected = nodes.filter((node) => node.isSelected()).length;
  if (selected === 0) return 'none';
  return selected === nodes.length ? 'all' : 'some';
}

/**
 * Header checkbox of the selection column for the Infinite Row Model (AG Grid's own one does not
 * support it): ticks or clears the rows loaded so far — "the page".
 */
export function LoadedRowsCheckbox<Row>({ api }: CustomHeaderProps<Row>) {
  const { t } = useI18n();
  const [state, setState] = useState<PageState>('none');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const update = () => setState(pageState(api));
    api.addEventListener('selectionChanged', update);
    api.addEventListener('modelUpdated', update);
    return () => {
      if (api.isDestroyed()) return;
      api.removeEventListener('selectionChanged', update);
      api.removeEventListener('modelUpdated', update);
    };
  }, [api]);
  useEffect(() => {
    if (input.current) input.current.indeterminate = state === 'some';
  }, [state]);
  const toggle = () => {
    if (state === 'all') api.deselectAll('all', 'uiSelectAll');
    else api.setNodesSelected({ nodes: loadedNodes(api), newValue: true, source: 'uiSelectAll' });
  };
  return (
    <input
      ref={input}
      type="checkbox"
      className="grid-page-checkbox"
      aria-label={t('grid.selectPage')}
      title={t('grid.selectPage')}
      checked={state === 'all'}
      onChange={toggle}
    />
  );
}
