import { useCallback, useState } from 'react';
import { formatDate } from '../../../shared/format';
import { periodRange, previousPeriodRange, type DayRange, type Period } from '../../../shared/periods';
import { reportsApi } from '../../api/reportsApi';
import { useApiData } from '../../api/useApiData';
import { navigate } from '../../app/navigate';
import { useI18n } from '../../i18n/useI18n';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { lostSlicePath } from '../opportunities/lostSlice';
import { PeriodSelect } from '../common/PeriodSelect';
import { compareLostReasons, percentText } from './lostReasonComparison';
import { LostReasonDonut } from './LostReasonDonut';

/**
 * S5 Cơ hội thất bại: the reasons of a period (by the day each opportunity was lost, Asia/Ho_Chi_Minh)
 * as a donut with count and %, the previous period beside it, and both in one table. A slice or a
 * count opens those opportunities in the Cơ hội grid.
 */
export function LostReasonsSection() {
  const { t } = useI18n();
  const [period, setPeriod] = useState<Period>('thisMonth');
  const current = periodRange(period);
  const previous = previousPeriodRange(period);
  const report = useApiData(
    () => Promise.all([reportsApi.lostOpportunities(current), reportsApi.lostOpportunities(previous)]),
    [current.from, current.to, previous.from, previous.to],
  );
  const open = useCallback((range: DayRange) => (reason: string) => navigate(lostSlicePath({ reason, ...range })), []);
  const openCurrent = useCallback((reason: string) => open(current)(reason), [open, current.from, current.to]);
  const openPrevious = useCallback((reason: string) => open(previous)(reason), [open, previous.from, previous.to]);
  const days = (range: DayRange) => ({ from: formatDate(range.from), to: formatDate(range.to) });
  const [currentRows, previousRows] = report.data ?? [[], []];
  const comparison = compareLostReasons(currentRows, previousRows);
  const sum = (rows: { count: number }[]) => rows.reduce((total, row) => total + row.count, 0);

  const countLink = (count: number, reason: string, range: DayRange) =>
    count === 0 ? (
      '0'
    ) : (
      <Button variant="link" aria-label={t('reports.lost.open', { count, reason, ...days(range) })} onClick={() => open(range)(reason)}>
        {count}
      </Button>
    );

  return (
    <section className="report-panel" aria-labelledby="lost-title">
      <div className="report-panel-header">
        <h2 id="lost-title">{t('reports.lost.title')}</h2>
        <label className="toolbar-field">
          <span className="toolbar-label">{t('reports.period')}</span>
          <PeriodSelect value={period} onChange={(chosen) => chosen && setPeriod(chosen)} />
        </label>
      </div>
      <ErrorMessage message={report.error} />
      {report.data && (
        <>
          <div className="report-charts">
            <LostReasonDonut
              caption={t('reports.lost.current', { period: t(`period.${period}`), ...days(current) })}
              rows={currentRows}
              label={t('reports.lost.chartLabel', days(current))}
              onSlice={openCurrent}
            />
            <LostReasonDonut
              caption={t('reports.lost.previous', days(previous))}
              rows={previousRows}
              label={t('reports.lost.chartLabel', days(previous))}
              onSlice={openPrevious}
            />
          </div>
          {comparison.length > 0 && (
            <>
              <p className="muted">{t('reports.lost.hint')}</p>
              <table className="table report-comparison">
                <thead>
                  <tr>
                    <th rowSpan={2}>{t('reports.lost.reason')}</th>
                    <th colSpan={2}>{t('reports.lost.current', { period: t(`period.${period}`), ...days(current) })}</th>
                    <th colSpan={2}>{t('reports.lost.previous', days(previous))}</th>
                  </tr>
                  <tr>
                    <th className="number">{t('reports.lost.count')}</th>
                    <th className="number">{t('reports.lost.percent')}</th>
                    <th className="number">{t('reports.lost.count')}</th>
                    <th className="number">{t('reports.lost.percent')}</th>
                  </tr>
                </thead>
                <tbody>
                  {comparison.map((row) => (
                    <tr key={row.reason}>
                      <td>{row.reason}</td>
                      <td className="number">{countLink(row.count, row.reason, current)}</td>
                      <td className="number">{percentText(row.percent)}</td>
                      <td className="number">{countLink(row.previousCount, row.reason, previous)}</td>
                      <td className="number">{percentText(row.previousPercent)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th>{t('reports.lost.total')}</th>
                    <th className="number">{sum(currentRows)}</th>
                    <th className="number">{currentRows.length ? '100%' : ''}</th>
                    <th className="number">{sum(previousRows)}</th>
                    <th className="number">{previousRows.length ? '100%' : ''}</th>
                  </tr>
                </tfoot>
              </table>
            </>
          )}
        </>
      )}
    </section>
  );
}
