import { activityColumns as activityColumnSpecs } from '../../../shared/columns/activityColumns';
import { formatDate, formatDateTime } from '../../../shared/format';
import { activitySortFields, type Activity } from '../../../shared/schemas/records';
import type { GridColumn } from '../../grid/editing/cellEdit';
import type { Locale, Translate } from '../../i18n/translate';
import { activityTypeLabel } from './activityTypeLabel';
import { activityUrgency } from './activityUrgency';

/**
 * The Giao dịch grid's columns; ids are the API's sort fields (the sort model goes to the server
 * as it is) and the export's column keys. Hạn is the server's `due` order (open work first:
 * overdue, today, upcoming, then done newest first), the grid's first sort; it is not exported.
 */
export function activityColumns(t: Translate, locale: Locale, today: string): GridColumn<Activity>[] {
  // Headers come from the column specs the export writes too (shared/columns), so grid and file agree.
  const header = (key: string) => {
    const spec = activityColumnSpecs.find((column) => column.key === key);
    if (!spec) throw new Error(`no column spec ${key}`);
    return locale === 'vi' ? spec.headerVi : spec.headerEn;
  };
  const urgency = (row: Activity | undefined) => (row ? activityUrgency(row, today) : null);
  const columns: GridColumn<Activity>[] = [
    {
      colId: 'due', headerName: t('activities.due'), width: 110, sort: 'asc',
      valueGetter: ({ data }) => {
        const state = urgency(data);
        return state ? t(`activities.urgency.${state}`) : '';
      },
      cellClass: ({ data }) => `activity-due activity-due-${urgency(data) ?? 'none'}`,
    },
    {
      colId: 'date', field: 'date', headerName: header('date'), width: 115, valueFormatter: ({ value }) => formatDate(value),
      cellClassRules: { 'activity-date-overdue': ({ data }) => urgency(data) === 'overdue' },
    },
    { colId: 'customerName', field: 'customerName', headerName: header('customerName'), width: 240, cellClass: 'grid-cell-opens' },
    { colId: 'type', field: 'type', headerName: header('type'), width: 165, valueFormatter: ({ data }) => (data ? activityTypeLabel(t, data.type) : '') },
    { colId: 'subject', field: 'subject', headerName: header('subject'), flex: 1, minWidth: 220 },
    { colId: 'status', field: 'status', headerName: header('status'), width: 150, valueFormatter: ({ data }) => (data ? t(`activityStatus.${data.status}`) : '') },
    { colId: 'ownerName', field: 'ownerName', headerName: header('ownerName'), width: 180 },
    { colId: 'description', field: 'description', headerName: header('description'), width: 260, hide: true },
    { colId: 'createdAt', field: 'createdAt', headerName: header('createdAt'), width: 140, hide: true, valueFormatter: ({ value }) => formatDateTime(value) },
  ];
  const sortable: readonly string[] = activitySortFields;
  return columns.map((column) => ({ ...column, sortable: sortable.includes(column.colId) }));
}
