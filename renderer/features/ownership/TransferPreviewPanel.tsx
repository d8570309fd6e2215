import { useEffect, useRef } from 'react';
import type { TransferPreview } from '../../../shared/schemas/ownership';
import { formatCount } from '../../i18n/formatCount';
import { useI18n } from '../../i18n/useI18n';
import { DataTable } from '../../ui/DataTable';
import { touchedBy, type TransferOptions } from './transferOptions';

type TransferPreviewPanelProps = { preview: TransferPreview; options: TransferOptions };

/** "Xem trước": per recipient how many customers and the first names, and what the chosen options touch. */
export function TransferPreviewPanel({ preview, options }: TransferPreviewPanelProps) {
  const { t, locale } = useI18n();
  const number = (value: number) => formatCount(value, locale);
  const touched = touchedBy.filter(({ option }) => options[option]);
  // It appears below the options, where the footer's "Xem trước" does not show it: bring it into view.
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    panel.current?.scrollIntoView({ block: 'nearest' });
  }, [preview]);
  return (
    <section ref={panel} className="preview-panel" aria-label={t('transfer.preview.title')}>
      <h3>{t('transfer.preview.total', { count: number(preview.total) })}</h3>
      <DataTable
        rows={preview.recipients.map((recipient) => ({ ...recipient, id: recipient.userId }))}
        columns={[
          { header: t('transfer.recipient'), cell: (recipient) => recipient.fullName },
          { header: t('transfer.customerCount'), numeric: true, cell: (recipient) => number(recipient.count) },
          {
            header: t('transfer.preview.firstCustomers'),
            cell: (recipient) => (
              <span className="first-customers">
                {recipient.firstCustomers.map((customer) => customer.name).join(', ')}
                {recipient.count > recipient.firstCustomers.length && ` ${t('transfer.preview.andMore', { count: number(recipient.count - recipient.firstCustomers.length) })}`}
              </span>
            ),
          },
        ]}
      />
      {touched.length > 0 && (
        <ul aria-label={t('transfer.preview.touches')}>
          {touched.map(({ touch, label }) => (
            <li key={touch}>{t(label, { count: number(preview.touches[touch]) })}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
