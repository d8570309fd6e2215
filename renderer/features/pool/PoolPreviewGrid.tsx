import { useMemo } from 'react';
import { formatDate } from '../../../shared/format';
import type { PoolPreviewRow } from '../../../shared/schemas/pool';
import { createInfiniteDatasource } from '../../grid/createInfiniteDatasource';
import { DataGrid } from '../../grid/DataGrid';
import type { GridColumn } from '../../grid/editing/cellEdit';
import type { RowSaver } from '../../grid/editing/useCellEditing';
import type { Translate } from '../../i18n/translate';
import { useI18n } from '../../i18n/useI18n';

/** Preview rows are a report: nothing in them edits, so nothing is ever saved. */
const previewSaver: RowSaver<PoolPreviewRow> = {
  rowId: (row) => String(row.customerId),
  saveCell: async (row) => row,
  loadRow: async (row) => row,
  changedBy: () => ({ name: null, at: '' }),
  editableRow: () => false,
};

function previewColumns(t: Translate): GridColumn<PoolPreviewRow>[] {
  return [
    { colId: 'code', field: 'code', headerName: t('field.code'), width: 140 },
    { colId: 'name', field: 'name', headerName: t('field.name'), flex: 1, minWidth: 180 },
    { colId: 'ownerName', field: 'ownerName', headerName: t('field.owner'), width: 170 },
    { colId: 'rule', field: 'rule', headerName: t('pool.preview.rule'), flex: 1.3, minWidth: 320, valueFormatter: ({ data }) => (data ? t(`pool.ruleName.${data.rule}`) : '') },
    {
      colId: 'lastActivityDate', field: 'lastActivityDate', headerName: t('pool.preview.lastActivity'), width: 180,
      valueFormatter: ({ data }) => (data ? (data.lastActivityDate ? formatDate(data.lastActivityDate) : t('pool.preview.noActivity')) : ''),
    },
    { colId: 'days', field: 'days', headerName: t('pool.preview.days'), width: 90, type: 'rightAligned' },
  ];
}

/** What a run would move, on the one grid engine: the (at most 1000) rows the dry run answered, served from memory. */
export function PoolPreviewGrid({ rows, onOpen }: { rows: PoolPreviewRow[]; onOpen: (row: PoolPreviewRow) => void }) {
  const { t } = useI18n();
  const columns = useMemo(() => previewColumns(t), [t]);
  const datasource = useMemo(
    () => createInfiniteDatasource<PoolPreviewRow>(async ({ offset, limit }) => ({ rows: rows.slice(offset, offset + limit), total: rows.length }), () => undefined),
    [rows],
  );
  return (
    <DataGrid<PoolPreviewRow>
      columns={columns}
      datasource={datasource}
      saver={previewSaver}
      columnStateKey="poolPreviewGrid.columnState"
      openColId="name"
      onOpen={onOpen}
      onReady={() => undefined}
      // A report to read, not rows to act on: no selection column.
      gridOptions={{ rowSelection: undefined }}
    />
  );
}
