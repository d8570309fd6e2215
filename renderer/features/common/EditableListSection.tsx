import { useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n/useI18n';
import { Button } from '../../ui/Button';
import { DataTable, type Column } from '../../ui/DataTable';
import { ErrorMessage } from '../../ui/ErrorMessage';

/** How a dialog of the section ends: `onDone` after a change (the list reloads), `onClose` without one. */
export type DialogEnd = { onDone: () => void; onClose: () => void };

type EditableListSectionProps<Row> = {
  /** Names the section for screen readers. */
  label: string;
  addLabel: string;
  emptyText: string;
  /** undefined while loading. */
  rows: Row[] | undefined;
  error: string | null;
  columns: Column<Row>[];
  /** false: read only, without the add button and the row actions. */
  editable?: boolean;
  /** Rows for which edit and delete are not offered (e.g. fixed entries). */
  rowEditable?: (row: Row) => boolean;
  reload: () => void;
  /** The add (row = null) or edit dialog. */
  renderForm: (row: Row | null, end: DialogEnd) => ReactNode;
  renderDelete: (row: Row, end: DialogEnd) => ReactNode;
  /** Shown below the table. */
  children?: ReactNode;
};

type Editing<Row> = { kind: 'form'; row: Row | null } | { kind: 'delete'; row: Row } | null;

/** A list of records in a table with add, and edit and delete on each row, each through a dialog. */
export function EditableListSection<Row extends { id: number }>(props: EditableListSectionProps<Row>) {
  const { label, addLabel, emptyText, rows, error, columns, editable = true, rowEditable, reload, renderForm, renderDelete, children } = props;
  const { t } = useI18n();
  const [editing, setEditing] = useState<Editing<Row>>(null);
  const end: DialogEnd = {
    onDone: () => {
      setEditing(null);
      reload();
    },
    onClose: () => setEditing(null),
  };
  const rowActions = (row: Row) => rowEditable && !rowEditable(row) ? null : (
    <>
      <Button variant="link" onClick={() => setEditing({ kind: 'form', row })}>
        {t('common.edit')}
      </Button>
      <Button variant="link" onClick={() => setEditing({ kind: 'delete', row })}>
        {t('common.delete')}
      </Button>
    </>
  );
  return (
    <section aria-label={label}>
      {editable && (
        <div className="section-actions">
          <Button variant="primary" onClick={() => setEditing({ kind: 'form', row: null })}>
            {addLabel}
          </Button>
        </div>
      )}
      <ErrorMessage message={error} />
      {rows && rows.length === 0 && <p className="muted">{emptyText}</p>}
      {rows && rows.length > 0 && <DataTable columns={columns} rows={rows} actions={editable ? { label: t('common.actions'), cell: rowActions } : undefined} />}
      {children}
      {editing?.kind === 'form' && renderForm(editing.row, end)}
      {editing?.kind === 'delete' && renderDelete(editing.row, end)}
    </section>
  );
}
