import { useState, type ReactNode } from 'react';
import { useApiAction } from '../../api/useApiAction';
import { formatCount } from '../../i18n/formatCount';
import { useI18n } from '../../i18n/useI18n';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { downloadXlsx, type XlsxSheet } from './downloadXlsx';

/** Customers a bulk action left as they were, and why (a sentence in the UI language). */
export type SkippedCustomers = { count: number; reason: string };

type BulkResultReportProps = {
  title: string;
  /** What changed, as a sentence ("Đã chuyển 120 khách hàng."). */
  summary: string;
  skipped: SkippedCustomers[];
  /** Below the counts: what went where. */
  details?: ReactNode;
  /** More buttons left of "Đóng" (e.g. "Hoàn tác"). */
  actions?: ReactNode;
  /** Offers "Tải báo cáo (.xlsx)": the sheet is built when asked for. */
  report?: { fileName: string; build: () => Promise<XlsxSheet> };
  onClose: () => void;
};

/** The result of a bulk action on customers (transfer, undo, group change): changed, skipped and why, a downloadable report. */
export function BulkResultReport({ title, summary, skipped, details, actions, report, onClose }: BulkResultReportProps) {
  const { t, locale } = useI18n();
  const { busy, error, run } = useApiAction();
  const [downloaded, setDownloaded] = useState(false);
  const download = () => {
    if (!report) return;
    void run(async () => {
      await downloadXlsx(report.fileName, await report.build());
      setDownloaded(true);
    });
  };
  return (
    <Dialog
      title={title}
      onClose={onClose}
      wide
      footer={
        <>
          {actions}
          {report && (
            <Button disabled={busy} onClick={download}>
              {busy ? t('bulkResult.preparing') : t('bulkResult.download')}
            </Button>
          )}
          <Button variant="primary" onClick={onClose}>
            {t('common.close')}
          </Button>
        </>
      }
    >
      <p className="result-summary" role="status">
        {summary}
      </p>
      {skipped
        .filter((group) => group.count > 0)
        .map((group) => (
          <p key={group.reason} className="result-skipped">
            {t('bulkResult.skipped', { count: formatCount(group.count, locale), reason: group.reason })}
          </p>
        ))}
      {details}
      <ErrorMessage message={error} />
      {downloaded && <p className="muted">{t('bulkResult.downloaded', { name: report?.fileName ?? '' })}</p>}
    </Dialog>
  );
}
