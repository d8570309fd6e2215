import type { ColumnPinnedType, ColumnState, GridApi } from 'ag-grid-community';
import { useState } from 'react';
import { useI18n } from '../../i18n/useI18n';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { ErrorMessage } from '../../ui/ErrorMessage';

type Pin = 'left' | 'right' | 'none';
type ChooserColumn = { colId: string; name: string; visible: boolean; pin: Pin };

const isGridOwn = (colId: string) => colId.startsWith('ag-Grid-');
const pinOf = (pinned: ColumnPinnedType | undefined): Pin => (pinned === 'left' || pinned === 'right' ? pinned : 'none');

/** The grid's data columns in their current order (hidden ones too), as the chooser edits them. */
function chooserColumns(api: GridApi): ChooserColumn[] {
  return api.getColumnState().filter((state) => !isGridOwn(state.colId)).map((state) => {
    const column = api.getColumn(state.colId);
    return { colId: state.colId, name: column ? api.getDisplayNameForColumn(column, 'header') : state.colId, visible: !state.hide, pin: pinOf(state.pinned) };
  });
}

/**
 * Chọn cột: show/hide, order (Lên / Xuống) and pinning of a grid's columns, applied together; the
 * grid's column events then save them with the user's column state.
 */
export function ColumnChooserDialog({ api, onClose }: { api: GridApi; onClose: () => void }) {
  const { t } = useI18n();
  const [columns, setColumns] = useState(() => chooserColumns(api));
  const [error, setError] = useState<string | null>(null);
  const change = (index: number, patch: Partial<ChooserColumn>) => setColumns((list) => list.map((column, at) => (at === index ? { ...column, ...patch } : column)));
  const move = (index: number, by: -1 | 1) =>
    setColumns((list) => {
      const next = [...list];
      [next[index], next[index + by]] = [next[index + by], next[index]];
      return next;
    });
  const apply = () => {
    if (!columns.some((column) => column.visible)) {
      setError(t('grid.columns.oneVisible'));
      return;
    }
    // The grid's own columns (selection checkboxes) keep their place in front.
    const own = api.getColumnState().filter((state) => isGridOwn(state.colId));
    const state: ColumnState[] = [...own, ...columns.map(({ colId, visible, pin }) => ({ colId, hide: !visible, pinned: pin === 'none' ? null : pin }))];
    api.applyColumnState({ state, applyOrder: true });
    onClose();
  };
  return (
    <Dialog
      title={t('grid.columns.title')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" onClick={apply}>
            {t('grid.columns.apply')}
          </Button>
        </>
      }
    >
      <ol className="column-chooser">
        {columns.map((column, index) => (
          <li key={column.colId} className="column-chooser-row">
            <label className="column-chooser-name">
              <input type="checkbox" checked={column.visible} onChange={(event) => change(index, { visible: event.target.checked })} />
              {column.name}
            </label>
            <select aria-label={t('grid.columns.pin', { column: column.name })} value={column.pin} onChange={(event) => change(index, { pin: event.target.value as Pin })}>
              <option value="none">{t('grid.columns.pinNone')}</option>
              <option value="left">{t('grid.columns.pinLeft')}</option>
              <option value="right">{t('grid.columns.pinRight')}</option>
            </select>
            <Button aria-label={t('grid.columns.up', { column: column.name })} disabled={index === 0} onClick={() => move(index, -1)}>
              ↑
            </Button>
            <Button aria-label={t('grid.columns.down', { column: column.name })} disabled={index === columns.length - 1} onClick={() => move(index, 1)}>
              ↓
            </Button>
          </li>
        ))}
      </ol>
      <ErrorMessage message={error} />
    </Dialog>
  );
}
