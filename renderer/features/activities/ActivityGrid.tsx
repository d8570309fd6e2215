import type { ListTotal } from '../../i18n/formatCount';
import type { GridApi, RowClassRules } from 'ag-grid-community';
import { useMemo, useRef } from 'react';
import { todayInVietnam } from '../../../shared/format';
import type { ActivityFilter } from '../../../shared/schemas/exports';
import { activitySortFields, type Activity } from '../../../shared/schemas/records';
import { activitiesApi } from '../../api/activitiesApi';
import { DataGrid } from '../../grid/DataGrid';
import type { RowSaver } from '../../grid/editing/useCellEditing';
import { sortParam } from '../../grid/sortParam';
import { useFilteredDatasource } from '../../grid/useFilteredDatasource';
import { useI18n } from '../../i18n/useI18n';
import { activityColumns } from './activityColumns';
import { activityUrgency } from './activityUrgency';
import './activities.css';

type ActivityGridProps = {
  filter: ActivityFilter;
  onReady: (api: GridApi<Activity>) => void;
  onTotal: (list: ListTotal) => void;
  onOpen: (activity: Activity) => void;
};

/** No column edits in the cell (the form edits an activity); the grid still reloads a row through it. */
const activitySaver: RowSaver<Activity> = {
  rowId: (row) => String(row.id),
  saveCell: (row, patch) => activitiesApi.update(row.id, { version: row.version, ...patch }),
  loadRow: (row) => activitiesApi.get(row.id),
  changedBy: (row) => ({ name: null, at: row.updatedAt }),
  editableRow: () => false,
};

/** The activity list on the one DataGrid: the server filters, sorts (Hạn first) and pages (GET /api/activities). */
export function ActivityGrid({ filter, onReady, onTotal, onOpen }: ActivityGridProps) {
  const { t, locale } = useI18n();
  // The Vietnamese calendar day the overdue / today marks are measured against, at each render.
  const today = todayInVietnam();
  const columns = useMemo(() => activityColumns(t, locale, today), [t, locale, today]);
  const rowClassRules = useMemo<RowClassRules<Activity>>(
    () => ({
      'activity-row-overdue': ({ data }) => Boolean(data && activityUrgency(data, today) === 'overdue'),
      'activity-row-today': ({ data }) => Boolean(data && activityUrgency(data, today) === 'today'),
    }),
    [today],
  );
  const api = useRef<GridApi<Activity> | null>(null);
  const datasource = useFilteredDatasource(
    api,
    filter,
    (filterAtStart, { offset, limit, sortModel }) => activitiesApi.list({ ...filterAtStart, sort: sortParam(sortModel, activitySortFields), offset, limit }),
    ({ total, totalEstimated }) => onTotal({ total, totalEstimated }),
  );

  return (
    <DataGrid<Activity>
      columns={columns}
      datasource={datasource}
      saver={activitySaver}
      columnStateKey="activityGrid.columnState"
      openColId="customerName"
      onOpen={onOpen}
      onReady={(gridApi) => {
        api.current = gridApi;
        onReady(gridApi);
      }}
      gridOptions={{ rowClassRules }}
    />
  );
}
