import type { AgCartesianChartOptions } from 'ag-charts-community';
import { useMemo, useState } from 'react';
import { formatMoney } from '../../../shared/format';
import { periodRange, type Period } from '../../../shared/periods';
import type { PipelineRow } from '../../../shared/schemas/opportunities';
import { reportsApi } from '../../api/reportsApi';
import { useApiData } from '../../api/useApiData';
import { formatCount } from '../../i18n/formatCount';
import { useI18n } from '../../i18n/useI18n';
import { DataTable } from '../../ui/DataTable';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { PeriodSelect } from '../common/PeriodSelect';
import { AgChart } from './AgChart';

type StageBar = PipelineRow & { stageName: string };

/** Cơ hội theo giai đoạn: count and expected revenue per stage (GET /api/reports/pipeline), all or those expected in a period. */
export function PipelinePanel() {
  const { t, locale } = useI18n();
  const [period, setPeriod] = useState<Period | ''>('');
  const range = period ? periodRange(period) : {};
  const report = useApiData(() => reportsApi.pipeline(range), [period]);
  const bars = useMemo(() => (report.data ?? []).map((row, index): StageBar & { id: number } => ({ ...row, id: index + 1, stageName: t(`opportunityStage.${row.stage}`) })), [report.data, t]);
  const options = useMemo(
    (): AgCartesianChartOptions => ({
      data: bars,
      height: 300,
      series: [
        {
          type: 'bar',
          xKey: 'stageName',
          yKey: 'expectedRevenue',
          yName: t('reports.pipeline.revenue'),
          label: { formatter: ({ datum }: { datum: StageBar }) => (datum.count ? String(datum.count) : '') },
          tooltip: {
            renderer: ({ datum }: { datum: StageBar }) => ({
              title: datum.stageName,
              data: [
                { label: t('reports.pipeline.count'), value: formatCount(datum.count, locale) },
                { label: t('reports.pipeline.revenue'), value: formatMoney(datum.expectedRevenue) },
              ],
            }),
          },
        },
      ],
      axes: {
        x: { type: 'category', position: 'bottom' },
        y: { type: 'number', position: 'left', label: { formatter: ({ value }: { value: number }) => formatMoney(value) } },
      },
      legend: { enabled: false },
    }),
    [bars, t, locale],
  );
  return (
    <section className="report-panel" aria-labelledby="pipeline-title">
      <div className="report-panel-header">
        <h2 id="pipeline-title">{t('reports.pipeline.title')}</h2>
        <label className="toolbar-field">
          <span className="toolbar-label">{t('reports.pipeline.range')}</span>
          <PeriodSelect value={period} onChange={setPeriod} emptyLabel={t('reports.pipeline.all')} />
        </label>
      </div>
      <ErrorMessage message={report.error} />
      {report.data && (
        <>
          <AgChart options={options} label={t('reports.pipeline.chartLabel')} />
          <DataTable
            rows={bars}
            columns={[
              { header: t('opportunities.field.stage'), cell: (row) => row.stageName },
              { header: t('reports.pipeline.count'), numeric: true, cell: (row) => formatCount(row.count, locale) },
              { header: t('reports.pipeline.revenue'), numeric: true, cell: (row) => formatMoney(row.expectedRevenue) },
            ]}
          />
        </>
      )}
    </section>
  );
}
