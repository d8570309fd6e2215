import type { CellEdit, EditorSpec, GridColumn } from '../editing/cellEdit';
import type { RowSaver } from '../editing/useCellEditing';
import type { Translate } from '../../i18n/translate';
import type { ComboboxOption } from '../../ui/Combobox';

/** A pasted text read as a cell's edit value, or why it cannot be one (in the user's language). */
export type PastedValue = { value: unknown } | { error: string };

const sameLabel = (a: string, b: string) => a.toLocaleLowerCase('vi') === b.toLocaleLowerCase('vi');

function optionByLabel(options: ComboboxOption[], label: string): ComboboxOption | undefined {
  return options.find((option) => sameLabel(option.label, label));
}

/**
 * A pasted text as the column's editor would take it: typed kinds through their own parser (VND,
 * dd/MM/yyyy, tags…), a managed list by an entry's name, several entries as a comma list. A user
 * picker takes no paste (names are not unique; it searches the server): null.
 */
function readPasted(editor: EditorSpec, text: string, t: Translate): PastedValue | null {
  switch (editor.kind) {
    case 'text': {
      const draft = editor.parse(text);
      return 'error' in draft ? { error: t(draft.error) } : draft;
    }
    case 'select': {
      if (text === '') return editor.nullable ? { value: null } : { error: t('grid.paste.required') };
      const option = optionByLabel(editor.options(), text);
      return option ? { value: option.id } : { error: t('grid.paste.notInList', { value: text }) };
    }
    case 'multiSelect': {
      const labels = text.split(',').map((label) => label.trim()).filter(Boolean);
      const options = editor.options();
      const missing = labels.find((label) => !optionByLabel(options, label));
      if (missing) return { error: t('grid.paste.notInList', { value: missing }) };
      return { value: [...new Set(labels.map((label) => optionByLabel(options, label)!.id))] };
    }
    case 'user':
      return null;
  }
}

/** A column's paste on one row: the edit value and the PATCH fields it sends. */
export type CellPaste = { value: unknown; patch: Record<string, unknown> } | { error: string };

/**
 * Which cells of a DataGrid take a paste: exactly the editable ones (the column's `edit`, the
 * row's access, the column's own rule), reading the text as the column's editor does.
 */
export function columnPaste<Row>(columns: GridColumn<Row>[], saver: RowSaver<Row>, t: Translate) {
  const edits = new Map<string, CellEdit<Row>>(columns.flatMap((column) => (column.edit ? [[column.colId, column.edit] as const] : [])));
  return {
    /** Does this column take a paste at all? */
    pastable: (colId: string) => {
      const edit = edits.get(colId);
      return !!edit && edit.editor.kind !== 'user';
    },
    /** The row's paste into the column; null where the user may not edit the cell. */
    read: (colId: string, row: Row, text: string): CellPaste | null => {
      const edit = edits.get(colId);
      if (!edit || !saver.editableRow(row) || !(edit.allowed?.(row) ?? true)) return null;
      const pasted = readPasted(edit.editor, text, t);
      if (!pasted) return null;
      return 'error' in pasted ? pasted : { value: pasted.value, patch: edit.patch(pasted.value) };
    },
  };
}
