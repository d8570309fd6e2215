import type { GridApi } from 'ag-grid-community';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ActivityFilter } from '../../../shared/schemas/exports';
import { activitySortFields, type Activity } from '../../../shared/schemas/records';
import { navigate } from '../../app/navigate';
import { useSession } from '../../app/sessionContext';
import { GridLayoutControls } from '../../grid/columns/GridLayoutControls';
import { refreshLoadedRows } from '../../grid/refreshLoadedRows';
import { formatListTotal, type ListTotal } from '../../i18n/formatCount';
import { useI18n } from '../../i18n/useI18n';
import { Button } from '../../ui/Button';
import { useToast } from '../../ui/toastContext';
import { parseDayRange, type DayRangeProblem, type RangeEnd } from '../common/dayRange';
import { ExportButton } from '../exports/ExportButton';
import { activityFilter, emptyActivityToolbar, type ActivityToolbar } from './activityFilter';
import { ActivityFilterBar } from './ActivityFilterBar';
import { ActivityFormDialog } from './ActivityFormDialog';
import { ActivityGrid } from './ActivityGrid';

/** A typed day is applied once typing pauses this long (a picked period at once). */
const typedRangeDelayMs = 500;

/**
 * Giao dịch: every activity the user may see, open work first (overdue, today, upcoming), with the
 * filter bar, Thêm giao dịch and Xuất khẩu; double-click opens the activity's customer.
 */
export function ActivitiesPage() {
  const { t, locale } = useI18n();
  const showToast = useToast();
  const { user } = useSession();
  const [toolbar, setToolbar] = useState<ActivityToolbar>(emptyActivityToolbar);
  const [days, setDays] = useState<Partial<Record<RangeEnd, string>>>({});
  const [rangeProblem, setRangeProblem] = useState<DayRangeProblem | null>(null);
  const [list, setList] = useState<ListTotal>({ total: 0 });
  const [selected, setSelected] = useState<Activity[]>([]);
  const [adding, setAdding] = useState(false);
  const [layoutApi, setLayoutApi] = useState<GridApi<Activity> | null>(null);
  const gridApi = useRef<GridApi<Activity> | null>(null);

  // The range applies once it parses; while it does not, the last good one stays in force.
  const { range } = toolbar;
  useEffect(() => {
    const typing = !range.period && Boolean(range.from || range.to);
    const timer = setTimeout(() => {
      const parsed = parseDayRange(range);
      setRangeProblem('problem' in parsed ? parsed.problem : null);
      if ('days' in parsed) setDays(parsed.days);
    }, typing ? typedRangeDelayMs : 0);
    return () => clearTimeout(timer);
  }, [range]);

  // One object per distinct filter, so the grid reloads only when the filter really changes.
  const filterKey = JSON.stringify(activityFilter(toolbar, days));
  const filter = useMemo(() => JSON.parse(filterKey) as ActivityFilter, [filterKey]);

  return (
    <section className="page">
      <div className="toolbar">
        <div className="toolbar-row">
          <h1 className="page-title">{t('nav.activities')}</h1>
          <Button variant="primary" onClick={() => setAdding(true)}>
            {t('activities.add')}
          </Button>
          <div className="toolbar-spacer" />
          <GridLayoutControls api={layoutApi} />
          {/* Xuất khẩu (issue 14, S6): the filters in force, or the selected rows, with the grid's columns and sort. */}
          <ExportButton
            list="activities"
            getApi={() => gridApi.current}
            getFilter={() => filter}
            sortable={activitySortFields}
            getSelection={() => ({ ids: selected.map((row) => row.id), count: selected.length })}
            getTotal={() => list.total}
          />
        </div>
        <ActivityFilterBar toolbar={toolbar} onChange={setToolbar} days={days} rangeProblem={rangeProblem} mayFilterOwner={user.role !== 'staff'} />
      </div>
      <div className="grid-area">
        <ActivityGrid
          key={locale}
          filter={filter}
          onReady={(api) => {
            gridApi.current = api;
            setLayoutApi(api);
            api.addEventListener('selectionChanged', () => setSelected(api.getSelectedRows()));
          }}
          onTotal={setList}
          onOpen={(row) => navigate(`/customers/${row.customerId}`)}
        />
      </div>
      <footer className="grid-footer">{t('activities.total', { count: formatListTotal(list, locale, t) })}</footer>

      {adding && (
        <ActivityFormDialog
          customerId={null}
          activity={null}
          onClose={() => setAdding(false)}
          onSaved={(saved) => {
            setAdding(false);
            showToast(t('activities.created', { subject: saved.subject }));
            refreshLoadedRows(gridApi.current);
          }}
        />
      )}
    </section>
  );
}
