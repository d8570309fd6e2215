import type { ColDef } from 'ag-grid-community';
import type { ComboboxOption } from '../../ui/Combobox';
import type { UserScope } from '../../features/common/searchUsers';
import type { EditDraft } from './parseValues';

/** How a column's cells edit: which editor, and its options where it has any. */
export type EditorSpec =
  | { kind: 'text'; inputMode?: 'text' | 'tel' | 'email' | 'numeric'; format: (value: unknown) => string; parse: (text: string) => EditDraft }
  | { kind: 'select'; options: () => ComboboxOption[]; nullable: boolean }
  | { kind: 'multiSelect'; label: string; options: () => ComboboxOption[] }
  | { kind: 'user'; scope: UserScope };

/**
 * A column's in-cell edit, declared with the column. The grid starts the editor with `value(row)`,
 * saves a new value as `patch(value)` (the entity's PATCH fields, sent with the row's version), and
 * shows `text(row)` where it names the cell's value outside the grid (the conflict dialog).
 */
export type CellEdit<Row> = {
  editor: EditorSpec;
  value: (row: Row) => unknown;
  patch: (value: unknown) => Record<string, unknown>;
  text: (row: Row) => string;
  /** Beyond the row's access: e.g. a column only managers may change. Default: editable. */
  allowed?: (row: Row) => boolean;
};

/** A grid column: AG Grid's definition plus, for editable columns, how it edits. */
export type GridColumn<Row> = ColDef<Row> & { colId: string; edit?: CellEdit<Row> };

type TextKind = { inputMode?: 'text' | 'tel' | 'email' | 'numeric'; parse: (text: string) => EditDraft; format?: (value: unknown) => string };

const plain = (value: unknown) => (value === null || value === undefined ? '' : String(value));

/** Text-like kinds (text, phone, email, tax code, address, tags, VND, dates): an input, parsed on commit. */
export function textEditor({ inputMode = 'text', parse, format = plain }: TextKind): EditorSpec {
  return { kind: 'text', inputMode, parse, format };
}

/** One entry of a managed list (type, care status); `nullable` offers "none". */
export function selectEditor(options: () => ComboboxOption[], nullable = true): EditorSpec {
  return { kind: 'select', options, nullable };
}

/** Any entries of a managed list (groups). */
export function multiSelectEditor(label: string, options: () => ComboboxOption[]): EditorSpec {
  return { kind: 'multiSelect', label, options };
}

/** A user, searched on the server (owner: only those the caller may assign). */
export function userEditor(scope: UserScope): EditorSpec {
  return { kind: 'user', scope };
}
