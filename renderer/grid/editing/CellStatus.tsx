import type { CustomCellRendererProps } from 'ag-grid-react';
import { useI18n } from '../../i18n/useI18n';

/** Where a cell's save stands: saving, saved (a brief mark), or refused with the server's message. */
export type CellState = { status: 'saving' | 'saved' } | { status: 'error'; message: string };

/** The cell's value with its save state; only cells with a state use it (the others render as usual). */
export function CellStatus({ valueFormatted, value, state }: CustomCellRendererProps & { state: CellState }) {
  const { t } = useI18n();
  const text = valueFormatted ?? (value === null || value === undefined ? '' : String(value));
  const label = state.status === 'error' ? state.message : t(state.status === 'saving' ? 'gridEdit.saving' : 'gridEdit.saved');
  return (
    <span className="grid-cell-status" title={label}>
      <span className="grid-cell-status-value">{text}</span>
      <span className={`grid-cell-mark grid-cell-mark-${state.status}`} role={state.status === 'error' ? 'alert' : 'status'} aria-label={label}>
        {state.status === 'error' ? state.message : state.status === 'saving' ? '…' : '✓'}
      </span>
    </span>
  );
}
