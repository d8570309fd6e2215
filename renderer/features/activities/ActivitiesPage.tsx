import type { ColDef, GridApi } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { formatDate } from '../../../shared/format';
import { activityStatuses, type ActivityStatus } from '../../../shared/schemas/enums';
import type { Activity } from '../../../shared/schemas/records';
import { activitiesApi } from '../../api/activitiesApi';
import { describeError } from '../../api/describeError';
import { navigate } from '../../app/navigate';
import { createInfiniteDatasource } from '../../grid/createInfiniteDatasource';
import { gridLocaleText } from '../../grid/gridLocaleText';
import { gridTheme } from '../../grid/gridTheme';
import { formatCount } from '../../i18n/formatCount';
import { useI18n } from '../../i18n/useI18n';
import { EnumSelect } from '../../ui/EnumSelect';
import { useToast } from '../../ui/toastContext';
import { activityTypeLabel } from './activityTypeLabel';
import { activitySortFields } from '../../../shared/schemas/records';
import { ExportButton } from '../exports/ExportButton';

const defaultColumn: ColDef<Activity> = { resizable: true, sortable: false };

/** Giao dịch: every activity the user may see, newest first; double-click opens its customer. */
export function ActivitiesPage() {
  const { t, locale } = useI18n();
  const showToast = useToast();
  const [status, setStatus] = useState<ActivityStatus | ''>('');
  const [total, setTotal] = useState(0);
  const api = useRef<GridApi<Activity> | null>(null);

  const latest = useRef({ status, t, showToast });
  latest.current = { status, t, showToast };
  const datasource = useMemo(
    () =>
      createInfiniteDatasource<Activity>(
        async ({ offset, limit }) => {
          const statusAtStart = latest.current.status;
          const page = await activitiesApi.list({ status: statusAtStart || undefined, offset, limit });
          if (statusAtStart === latest.current.status) setTotal(page.total);
          return page;
        },
        (error) => latest.current.showToast(describeError(error, latest.current.t), 'error'),
      ),
    [],
  );
  useEffect(() => {
    api.current?.purgeInfiniteCache();
  }, [status]);

  const columnDefs = useMemo<ColDef<Activity>[]>(
    () => [
      { field: 'date', headerName: t('field.date'), width: 120, valueFormatter: ({ value }) => formatDate(value) },
      { field: 'customerName', headerName: t('activities.customer'), width: 240 },
      { field: 'type', headerName: t('field.activityType'), width: 130, valueFormatter: ({ data }) => (data ? activityTypeLabel(t, data.type) : '') },
      { field: 'subject', headerName: t('field.subject'), flex: 1, minWidth: 220 },
      { field: 'status', headerName: t('field.status'), width: 150, valueFormatter: ({ data }) => (data ? t(`activityStatus.${data.status}`) : '') },
      { field: 'ownerName', headerName: t('activities.owner'), width: 180 },
    ],
    [t],
  );

  return (
    <section className="page">
      <div className="toolbar">
        <div className="toolbar-row">
          <h1 className="page-title">{t('nav.activities')}</h1>
          <div className="toolbar-spacer" />
          {/* Xuất khẩu (issue 14, S6): the grid's filters, visible columns and sort; selected rows when the grid selects. */}
          <ExportButton
            list="activities"
            getApi={() => api.current}
            getFilter={() => ({ ...(latest.current.status ? { status: latest.current.status } : {}) })}
            sortable={activitySortFields}
            getSelection={() => {
              const ids = api.current?.getSelectedRows().map((row) => row.id) ?? [];
              return { ids, count: ids.length };
            }}
            getTotal={() => total}
          />
          <label className="toolbar-field">
            <span className="toolbar-label">{t('field.status')}</span>
            <EnumSelect value={status} options={activityStatuses} optionLabel={(option) => t(`activityStatus.${option}`)} fallback="" onChange={setStatus}>
              <option value="">{t('activities.allStatuses')}</option>
            </EnumSelect>
          </label>
        </div>
      </div>
      <div className="grid-area">
        <AgGridReact<Activity>
          key={locale}
          theme={gridTheme}
          localeText={gridLocaleText(locale)}
          columnDefs={columnDefs}
          defaultColDef={defaultColumn}
          rowModelType="infinite"
          cacheBlockSize={100}
          datasource={datasource}
          getRowId={({ data }) => String(data.id)}
          onGridReady={({ api: gridApi }) => {
            api.current = gridApi;
          }}
          onRowDoubleClicked={({ data }) => data && navigate(`/customers/${data.customerId}`)}
        />
      </div>
      <footer className="grid-footer">{t('activities.total', { count: formatCount(total, locale) })}</footer>
    </section>
  );
}
