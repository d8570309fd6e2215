import type { GridApi, IRowNode } from 'ag-grid-community';
import type { CellPaste } from './columnPaste';
import { cellText, selectedInOrder } from './copyText';
import { parseTsv } from './tsv';

/** One row's change of a paste: the edit value and PATCH fields, and the cell's text before and after for the preview. */
export type PasteChange<T> = { node: IRowNode<T>; row: T; colId: string; value: unknown; patch: Record<string, unknown>; before: string; after: string };

/** A row of the paste the user may not change, and why (shown in the preview; nothing is sent). */
export type PasteRefusal = { label: string; reason: string };

export type PastePlan<T> = {
  column: string;
  /** How many values were pasted (lines of the clipboard). */
  values: number;
  changes: PasteChange<T>[];
  refusals: PasteRefusal[];
  /** Rows that already have the pasted value. */
  unchanged: number;
  /** A single value into the focused cell alone: saved at once, as an edit of the cell. */
  single: boolean;
};

export type PastePlanner<T> = {
  pastable: (colId: string) => boolean;
  /** Null where the user may not edit the cell (read-only or pool row, a column only managers change). */
  read: (colId: string, row: T, text: string) => CellPaste | null;
  rowLabel: (row: T) => string;
  readOnlyReason: string;
};

/**
 * What pasting `text` into the focused cell does: the first field of each pasted line goes into
 * that column, one line per row. The rows are the selected ones in display order when two or
 * more are selected (one line fills them all), otherwise the focused row and the loaded rows
 * below it. Null when the focused cell's column takes no paste.
 */
export function planPaste<T>(api: GridApi<T>, planner: PastePlanner<T>, text: string): PastePlan<T> | null {
  const focused = api.getFocusedCell();
  const colId = focused?.column.getColId();
  if (!focused || focused.rowIndex === null || !colId || !planner.pastable(colId)) return null;
  const values = parseTsv(text).map((line) => (line[0] ?? '').trim());
  if (values.length === 0) return null;
  const selected = selectedInOrder(api);
  const nodes: IRowNode<T>[] = selected.length > 1 ? selected : [];
  for (let index = focused.rowIndex; selected.length <= 1 && nodes.length < values.length; index += 1) {
    const node = api.getDisplayedRowAtIndex(index);
    if (!node?.data) break;
    nodes.push(node);
  }
  const plan: PastePlan<T> = {
    column: api.getDisplayNameForColumn(focused.column, 'header') ?? colId,
    values: values.length,
    changes: [],
    refusals: [],
    unchanged: 0,
    single: values.length === 1 && selected.length <= 1,
  };
  const count = values.length === 1 ? nodes.length : Math.min(values.length, nodes.length);
  for (let index = 0; index < count; index += 1) {
    const node = nodes[index];
    const row = node.data as T;
    const after = values.length === 1 ? values[0] : values[index];
    const pasted = planner.read(colId, row, after);
    if (!pasted || 'error' in pasted) {
      plan.refusals.push({ label: planner.rowLabel(row), reason: pasted ? pasted.error : planner.readOnlyReason });
      continue;
    }
    const before = cellText(api, node, focused.column);
    if (before === after) plan.unchanged += 1;
    else plan.changes.push({ node, row, colId, value: pasted.value, patch: pasted.patch, before, after });
  }
  return plan;
}
