import type { CellEditingStartedEvent, CellEditRequestEvent, ColDef, GridApi, ICellRendererParams, IRowNode } from 'ag-grid-community';
import { useCallback, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { ApiError } from '../../api/ApiError';
import { describeError } from '../../api/describeError';
import { useI18n } from '../../i18n/useI18n';
import { useToast } from '../../ui/toastContext';
import type { CellEdit, GridColumn } from './cellEdit';
import { CellStatus, type CellState } from './CellStatus';
import { ConflictDialog, type Conflict } from './ConflictDialog';
import { MultiSelectCellEditor } from './editors/MultiSelectCellEditor';
import { SelectCellEditor } from './editors/SelectCellEditor';
import { TextCellEditor } from './editors/TextCellEditor';
import { pickerKeys } from './editors/useEditorKeys';
import { UserCellEditor } from './editors/UserCellEditor';
import { isEditDraft } from './parseValues';
import { UndoStack, type CellChange } from './undoStack';

/** How a grid saves its rows: one versioned PATCH per cell edit, and the row as the server has it now. */
export type RowSaver<Row> = {
  rowId: (row: Row) => string;
  /** Sends `patch` with the row's version; answers the saved row (its new version). */
  saveCell: (row: Row, patch: Record<string, unknown>) => Promise<Row>;
  loadRow: (row: Row) => Promise<Row>;
  /** Who made the row's current version and when, for a stale edit's dialog. */
  changedBy: (row: Row) => { name: string | null; at: string };
  /** May the user edit this row at all (the server's access level)? */
  editableRow: (row: Row) => boolean;
};

const savedMarkMs = 1500;
const editors = {
  text: { component: TextCellEditor, popup: false },
  select: { component: SelectCellEditor, popup: true },
  multiSelect: { component: MultiSelectCellEditor, popup: true },
  user: { component: UserCellEditor, popup: true },
} as const;

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function isTyping(target: EventTarget): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * In-cell editing for a DataGrid: the editable columns' AG Grid settings, the save of each commit
 * (saving → saved, or the error on the cell, or the conflict dialog on a stale version), and
 * Ctrl+Z / Ctrl+Y over the user's own edits, each a new versioned save.
 */
export function useCellEditing<Row>(columns: GridColumn<Row>[], saver: RowSaver<Row>) {
  const { t } = useI18n();
  const showToast = useToast();
  const states = useRef(new Map<string, CellState>());
  /** The row as the user saw it when an edit began: its version goes with the commit, so a change made meanwhile is a conflict, not overwritten. */
  const seenAtStart = useRef(new Map<string, Row>());
  const undoStack = useRef(new UndoStack());
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const latest = useRef({ saver, t, showToast });
  latest.current = { saver, t, showToast };

  const edits = useMemo(() => new Map(columns.flatMap((column) => (column.edit ? [[column.colId, column.edit] as const] : []))), [columns]);
  const keyOf = (rowId: string, colId: string) => `${rowId}\u0000${colId}`;

  const setState = useCallback((api: GridApi<Row>, node: IRowNode<Row>, colId: string, state: CellState | null) => {
    const key = keyOf(node.id ?? '', colId);
    if (state) states.current.set(key, state);
    else states.current.delete(key);
    if (!api.isDestroyed()) api.refreshCells({ rowNodes: [node], columns: [colId], force: true });
  }, []);

  /** Saves `value` into the cell; true when saved. A conflict opens the dialog, other refusals stay on the cell. */
  const save = useCallback(
    async (api: GridApi<Row>, node: IRowNode<Row>, row: Row, colId: string, edit: CellEdit<Row>, value: unknown): Promise<boolean> => {
      const { saver: current, t: translate } = latest.current;
      setState(api, node, colId, { status: 'saving' });
      try {
        const saved = await current.saveCell(row, edit.patch(value));
        node.setData(saved);
        setState(api, node, colId, { status: 'saved' });
        setTimeout(() => states.current.get(keyOf(node.id ?? '', colId))?.status === 'saved' && setState(api, node, colId, null), savedMarkMs);
        return true;
      } catch (error) {
        if (error instanceof ApiError && error.status === 409 && error.code === 'VERSION_CONFLICT') {
          setState(api, node, colId, null);
          const fresh = await current.loadRow(row).catch(() => null);
          if (!fresh) {
            setState(api, node, colId, { status: 'error', message: describeError(error, translate) });
            return false;
          }
          const changed = current.changedBy(fresh);
          setConflict({
            column: api.getColumn(colId)?.getColDef().headerName ?? colId,
            currentText: edit.text(fresh),
            changedBy: changed.name,
            changedAt: changed.at,
            reload: () => node.setData(fresh),
          });
        } else {
          // The row keeps its old value (the grid never wrote the edit); the reason stays on the cell.
          setState(api, node, colId, { status: 'error', message: describeError(error, translate) });
        }
        return false;
      }
    },
    [setState],
  );

  const onCellEditingStarted = useCallback((event: CellEditingStartedEvent<Row>) => {
    if (event.data) seenAtStart.current.set(keyOf(event.node.id ?? '', event.column.getColId()), event.data);
  }, []);

  const onCellEditRequest = useCallback(
    async (event: CellEditRequestEvent<Row>) => {
      const colId = event.column.getColId();
      const edit = edits.get(colId);
      const key = keyOf(event.node.id ?? '', colId);
      const row = seenAtStart.current.get(key) ?? event.node.data;
      seenAtStart.current.delete(key);
      if (!edit || !row || !isEditDraft(event.newValue)) return;
      const draft = event.newValue;
      if ('error' in draft) {
        setState(event.api, event.node, colId, { status: 'error', message: latest.current.t(draft.error) });
        return;
      }
      const before = edit.value(row);
      if (sameValue(before, draft.value)) return;
      if (await save(event.api, event.node, row, colId, edit, draft.value)) {
        undoStack.current.push({ rowId: event.node.id ?? '', colId, before, after: draft.value });
      }
    },
    [edits, save, setState],
  );

  const replay = useCallback(
    async (api: GridApi<Row>, from: 'undo' | 'redo') => {
      const change: CellChange | undefined = from === 'undo' ? undoStack.current.undo() : undoStack.current.redo();
      if (!change) return;
      const node = api.getRowNode(change.rowId);
      const edit = edits.get(change.colId);
      if (!node?.data || !edit) {
        latest.current.showToast(latest.current.t('gridEdit.rowNotLoaded'), 'error');
        undoStack.current.giveBack(change, from);
        return;
      }
      api.ensureNodeVisible(node);
      api.setFocusedCell(node.rowIndex ?? 0, change.colId);
      const saved = await save(api, node, node.data, change.colId, edit, from === 'undo' ? change.before : change.after);
      if (!saved) undoStack.current.giveBack(change, from);
    },
    [edits, save],
  );

  /** Ctrl+Z / Ctrl+Y (and Ctrl+Shift+Z) on the grid, outside an editor or a filter input. */
  const onKeyDown = useCallback(
    (api: GridApi<Row> | null, event: KeyboardEvent) => {
      if (!api || !(event.ctrlKey || event.metaKey) || isTyping(event.target) || api.getEditingCells().length > 0) return;
      const key = event.key.toLowerCase();
      const from = key === 'z' && !event.shiftKey ? 'undo' : key === 'y' || (key === 'z' && event.shiftKey) ? 'redo' : null;
      if (!from) return;
      event.preventDefault();
      void replay(api, from);
    },
    [replay],
  );

  /** The column definitions AG Grid gets: editable ones with their editor, access check and save marks. */
  const columnDefs = useMemo<ColDef<Row>[]>(
    () =>
      columns.map(({ edit, ...column }) => {
        if (!edit) return column;
        const editor = editors[edit.editor.kind];
        const stateOf = (params: { node: IRowNode<Row> | null }) => states.current.get(keyOf(params.node?.id ?? '', column.colId));
        return {
          ...column,
          editable: ({ data }) => !!data && latest.current.saver.editableRow(data) && (edit.allowed?.(data) ?? true),
          cellEditor: editor.component,
          cellEditorParams: { edit },
          cellEditorPopup: editor.popup,
          cellEditorPopupPosition: 'under',
          // A popup picker's Enter picks and its Escape closes its list before the grid may commit or cancel.
          suppressKeyboardEvent: editor.popup ? ({ editing, event }) => editing && pickerKeys.has(event.key) : undefined,
          cellClassRules: {
            'grid-cell-saving': (params) => stateOf(params)?.status === 'saving',
            'grid-cell-saved': (params) => stateOf(params)?.status === 'saved',
            'grid-cell-error': (params) => stateOf(params)?.status === 'error',
          },
          cellRendererSelector: (params: ICellRendererParams<Row>) => {
            const state = stateOf(params);
            return state ? { component: CellStatus, params: { state } } : undefined;
          },
        } satisfies ColDef<Row>;
      }),
    [columns],
  );

  const dialog: ReactNode = conflict && <ConflictDialog conflict={conflict} onClose={() => setConflict(null)} />;
  /** May the user edit this cell (double-click edits it, or else opens the row)? */
  const isEditableCell = (row: Row, colId: string) => {
    const edit = edits.get(colId);
    return !!edit && saver.editableRow(row) && (edit.allowed?.(row) ?? true);
  };
  return { columnDefs, onCellEditingStarted, onCellEditRequest, onKeyDown, isEditableCell, dialog };
}
