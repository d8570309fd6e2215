import type { GridApi } from 'ag-grid-community';
import { useRef, useState } from 'react';
import { columnsOf, type ExportList } from '../../../shared/columns/exportLists';
import type { ExportTicketBody } from '../../../shared/schemas/exports';
import { describeError } from '../../api/describeError';
import { formatCount } from '../../i18n/formatCount';
import { useI18n } from '../../i18n/useI18n';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { useToast } from '../../ui/toastContext';
import { exportMessages } from './exportMessages';
import { gridSort, visibleExportColumns } from './gridExportColumns';
import { RecentExportsDialog } from './RecentExportsDialog';
import { runExport, type ExportProgress } from './runExport';

/** The grid's selected rows: ids, or "all matching" (its filter minus the rows unticked), and how many. */
export type ExportSelection = { ids?: number[]; filter?: Record<string, unknown>; excludeIds?: number[]; count: number };

type ExportButtonProps = {
  list: ExportList;
  /** The grid: its visible columns (in order) and its sort are what the file gets. Read when the dialog opens. */
  getApi: () => GridApi | null;
  /** The list's current filter, as its API takes it. */
  getFilter: () => Record<string, unknown>;
  /** Column ids the list's API sorts by. */
  sortable: readonly string[];
  getSelection: () => ExportSelection;
  /** How many rows match the filter. */
  getTotal: () => number;
};

type Scope = 'all' | 'selected';
type Plan = { body: ExportTicketBody; count: number };

/**
 * Xuất khẩu for a grid toolbar: all filtered results or the selected rows, with the columns the
 * grid shows in its order; a progress bar (rows written / total) with Hủy while the file streams;
 * and the user's recent exports.
 */
export function ExportButton({ list, getApi, getFilter, sortable, getSelection, getTotal }: ExportButtonProps) {
  const { locale, t } = useI18n();
  const m = exportMessages[locale];
  const showToast = useToast();
  const [open, setOpen] = useState<{ selection: ExportSelection; total: number } | null>(null);
  const [scope, setScope] = useState<Scope>('all');
  const [progress, setProgress] = useState<ExportProgress | 'starting' | null>(null);
  const [recent, setRecent] = useState(false);
  const abort = useRef<AbortController | null>(null);

  const openDialog = () => {
    const selection = getSelection();
    setScope(selection.count > 0 ? 'selected' : 'all');
    setOpen({ selection, total: getTotal() });
  };

  const plan = (): Plan | null => {
    if (!open) return null;
    const api = getApi();
    const common = { sort: gridSort(api, sortable), columns: visibleExportColumns(api, columnsOf[list]) };
    const { selection } = open;
    const query = scope === 'selected'
      ? { ...common, ...(selection.ids ? { ids: selection.ids } : { filter: selection.filter, excludeIds: selection.excludeIds }) }
      : { ...common, filter: getFilter() };
    return { body: { list, query } as ExportTicketBody, count: scope === 'selected' ? selection.count : open.total };
  };

  const start = async () => {
    const planned = plan();
    if (!planned) return;
    const controller = new AbortController();
    abort.current = controller;
    setProgress('starting');
    try {
      const outcome = await runExport(planned.body, (next) => setProgress(next), controller.signal);
      if (outcome.status === 'done') {
        showToast(m.done(formatCount(outcome.rows, locale), outcome.fileName), 'success');
        setOpen(null);
      } else if (outcome.status === 'cancelled') {
        showToast(m.cancelled);
      } else {
        showToast(m.failed, 'error');
      }
    } catch (error) {
      showToast(describeError(error, t), 'error');
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  const running = progress !== null;
  const total = open ? (scope === 'selected' ? open.selection.count : open.total) : 0;
  const written = progress && progress !== 'starting' ? progress.rowsWritten : 0;
  const knownTotal = progress && progress !== 'starting' && progress.total !== null ? progress.total : total;

  return (
    <>
      <Button onClick={openDialog}>{m.button}</Button>
      {open && (
        <Dialog
          title={m.title}
          onClose={() => (running ? abort.current?.abort() : setOpen(null))}
          footer={
            running ? (
              <Button onClick={() => abort.current?.abort()}>{m.cancel}</Button>
            ) : (
              <>
                <Button variant="link" onClick={() => setRecent(true)}>{m.recent}</Button>
                <Button onClick={() => setOpen(null)}>{m.close}</Button>
                <Button variant="primary" onClick={start}>{m.start}</Button>
              </>
            )
          }
        >
          <fieldset className="radio-group" disabled={running}>
            <legend>{m.scope}</legend>
            <label className="radio">
              <input type="radio" name="export-scope" checked={scope === 'all'} onChange={() => setScope('all')} />
              <span>{m.allMatching(formatCount(open.total, locale))}</span>
            </label>
            <label className="radio">
              <input type="radio" name="export-scope" checked={scope === 'selected'} disabled={open.selection.count === 0} onChange={() => setScope('selected')} />
              <span>{m.selected(formatCount(open.selection.count, locale))}</span>
            </label>
          </fieldset>
          <p className="muted">{m.columnsHint}</p>
          {running && (
            <div className="export-progress" role="status">
              <progress max={Math.max(1, knownTotal)} value={Math.min(written, knownTotal)} style={{ width: '100%' }} />
              <span>{progress === 'starting' ? m.preparing : m.progress(formatCount(written, locale), formatCount(knownTotal, locale))}</span>
            </div>
          )}
        </Dialog>
      )}
      {recent && <RecentExportsDialog onClose={() => setRecent(false)} />}
    </>
  );
}
