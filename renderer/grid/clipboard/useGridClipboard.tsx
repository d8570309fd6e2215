import type { GridApi } from 'ag-grid-community';
import { useRef, useState, type ClipboardEvent, type KeyboardEvent, type ReactNode } from 'react';
import { ApiError } from '../../api/ApiError';
import { describeError } from '../../api/describeError';
import { useIdempotencyKey } from '../../api/useIdempotencyKey';
import type { Translate } from '../../i18n/translate';
import { useI18n } from '../../i18n/useI18n';
import { useToast } from '../../ui/toastContext';
import { copyText } from './copyText';
import { PastePreviewDialog } from './PastePreviewDialog';
import { planPaste, type PasteChange, type PastePlan, type PastePlanner } from './pastePlan';

/** How an entity saves a paste into several rows: one request, versioned, all or nothing. */
export type RowsPaste<Row> = {
  /** The entity's rows in the preview title ("khách hàng"). */
  entityLabel: string;
  rowLabel: (row: Row) => string;
  /** Each row's `patch` with the version it has in the grid; answers the saved rows in the order given. */
  saveRows: (changes: { row: Row; patch: Record<string, unknown> }[], idempotencyKey: string) => Promise<Row[]>;
};

/** Keys and pastes meant for an editor (a cell being edited, a filter box) are left to it. */
function isTextEntry(target: EventTarget): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** A bulk-edit refusal names `changes.N.field`: say which row, then the field's message. */
function describePasteError<Row>(error: unknown, t: Translate, changes: PasteChange<Row>[], rowLabel: (row: Row) => string): string {
  const match = error instanceof ApiError ? /^changes\.(\d+)(?:\.(.+))?$/.exec(error.field ?? '') : null;
  const change = match ? changes[Number(match[1])] : undefined;
  if (!(error instanceof ApiError) || !match || !change) return describeError(error, t);
  return `${rowLabel(change.row)}: ${describeError(new ApiError(error.status, error.code, error.message, match[2]), t)}`;
}

/**
 * Ctrl+C and Ctrl+V for a DataGrid (AG Grid Community has no clipboard); arrow keys stay AG
 * Grid's. Ctrl+C writes the selected rows (or the focused cell) as tab-separated text. A paste of
 * one value into the focused cell goes through the cell's edit (`setDataValue` under
 * readOnlyEdit raises the same edit request as typing: versioned PATCH, saving/saved, undo); a
 * paste into several rows shows a preview, then saves them with `rows.saveRows`.
 */
export function useGridClipboard<Row>(getApi: () => GridApi<Row> | null, planner: Omit<PastePlanner<Row>, 'rowLabel' | 'readOnlyReason'>, rows: RowsPaste<Row> | undefined) {
  const { t } = useI18n();
  const showToast = useToast();
  const idempotencyKey = useIdempotencyKey();
  const [plan, setPlan] = useState<PastePlan<Row> | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef({ planner, rows });
  latest.current = { planner, rows };

  const onKeyDown = (event: KeyboardEvent) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 'c' || isTextEntry(event.target)) return;
    const api = getApi();
    const text = api && api.getEditingCells().length === 0 ? copyText(api) : null;
    if (text === null) return;
    event.preventDefault();
    navigator.clipboard.writeText(text).catch(() => showToast(t('grid.copyFailed'), 'error'));
  };

  const onPaste = (event: ClipboardEvent) => {
    const api = getApi();
    if (!api || isTextEntry(event.target) || api.getEditingCells().length > 0) return;
    const { planner: current, rows: rowsPaste } = latest.current;
    const rowLabel = rowsPaste?.rowLabel ?? (() => '');
    const next = planPaste(api, { ...current, rowLabel, readOnlyReason: t('grid.paste.readOnly') }, event.clipboardData.getData('text/plain'));
    if (!next) return;
    event.preventDefault();
    if (next.single || !rowsPaste) {
      const [change] = next.changes;
      if (next.refusals.length) showToast(next.refusals[0].reason, 'error');
      else if (change && next.single) change.node.setDataValue(change.colId, { value: change.value }, 'paste');
      return;
    }
    setError(null);
    setPlan(next);
  };

  const confirm = async () => {
    const rowsPaste = latest.current.rows;
    if (!plan || !rowsPaste) return;
    setBusy(true);
    setError(null);
    const changes = plan.changes.map(({ row, patch }) => ({ row, patch }));
    try {
      const saved = await rowsPaste.saveRows(changes, idempotencyKey(changes));
      plan.changes.forEach((change, index) => saved[index] && change.node.setData(saved[index]));
      showToast(t('grid.paste.done', { count: saved.length }));
      setPlan(null);
    } catch (failure) {
      setError(describePasteError(failure, t, plan.changes, rowsPaste.rowLabel));
    } finally {
      setBusy(false);
    }
  };

  const preview: ReactNode = plan && rows && (
    <PastePreviewDialog plan={plan} entityLabel={rows.entityLabel} rowLabel={rows.rowLabel} busy={busy} error={error} onConfirm={confirm} onClose={() => setPlan(null)} />
  );
  return { onKeyDown, onPaste, preview };
}
