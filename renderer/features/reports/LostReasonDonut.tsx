import type { AgPolarChartOptions } from 'ag-charts-community';
import { useMemo } from 'react';
import type { LostReasonReportRow } from '../../../shared/schemas/opportunities';
import { useI18n } from '../../i18n/useI18n';
import { AgChart } from './AgChart';
import { percentText } from './lostReasonComparison';

type LostReasonDonutProps = {
  caption: string;
  rows: LostReasonReportRow[];
  label: string;
  /** Clicking a slice opens its opportunities. */
  onSlice: (reason: string) => void;
};

type Slice = LostReasonReportRow & { sectorText: string };

/** The lost-reason donut of one period (S5): a slice per reason with its count and percent. */
export function LostReasonDonut({ caption, rows, label, onSlice }: LostReasonDonutProps) {
  const { t } = useI18n();
  const options = useMemo((): AgPolarChartOptions => {
    const data: Slice[] = rows.map((row) => ({ ...row, sectorText: `${row.count} (${percentText(row.percent)})` }));
    const total = rows.reduce((sum, row) => sum + row.count, 0);
    return {
      data,
      height: 300,
      title: { text: caption, fontSize: 14 },
      series: [
        {
          type: 'donut',
          angleKey: 'count',
          legendItemKey: 'reason',
          sectorLabelKey: 'sectorText',
          innerRadiusRatio: 0.55,
          innerLabels: [{ text: String(total), fontSize: 22 }, { text: t('reports.lost.count'), fontSize: 12 }],
          tooltip: {
            renderer: ({ datum }: { datum: Slice }) => ({
              title: datum.reason,
              data: [
                { label: t('reports.lost.count'), value: String(datum.count) },
                { label: t('reports.lost.percent'), value: percentText(datum.percent) },
              ],
            }),
          },
          listeners: { seriesNodeClick: ({ datum }: { datum: Slice }) => onSlice(datum.reason) },
        },
      ],
      legend: { position: 'right' },
    };
  }, [rows, caption, t, onSlice]);
  if (rows.length === 0) {
    return (
      <div className="chart chart-empty">
        <p className="chart-caption">{caption}</p>
        <p className="muted">{t('reports.lost.empty')}</p>
      </div>
    );
  }
  return <AgChart options={options} label={label} />;
}
