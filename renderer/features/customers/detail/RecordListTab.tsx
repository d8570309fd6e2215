import { useState, type ReactNode } from 'react';
import type { PageOf } from '../../../api/PageOf';
import { useApiData } from '../../../api/useApiData';
import type { Translate } from '../../../i18n/translate';
import { useI18n } from '../../../i18n/useI18n';
import { DataTable, type Column } from '../../../ui/DataTable';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Pager } from '../../../ui/Pager';

const pageSize = 20;

export type RecordListQuery = { customerId: number; offset: number; limit: number };

type RecordListTabProps<Row> = {
  customerId: number;
  /** Names the list for screen readers. */
  label: string;
  list: (query: RecordListQuery) => Promise<PageOf<Row>>;
  columns: (t: Translate) => Column<Row>[];
  emptyText: string;
  /** Shown above the table (e.g. the customer's revenue). */
  summary?: ReactNode;
};

/** One page at a time of a customer's records, read only, in the order the server gives them. */
export function RecordListTab<Row extends { id: number }>({ customerId, label, list, columns, emptyText, summary }: RecordListTabProps<Row>) {
  const { t } = useI18n();
  const [offset, setOffset] = useState(0);
  const { data, error, loading } = useApiData(() => list({ customerId, offset, limit: pageSize }), [customerId, offset]);
  return (
    <section aria-label={label}>
      {summary}
      <ErrorMessage message={error} />
      {!data && loading && <p>{t('common.loading')}</p>}
      {data && data.total === 0 && <p className="muted">{emptyText}</p>}
      {data && data.rows.length > 0 && <DataTable rows={data.rows} columns={columns(t)} />}
      {data && (
        <Pager
          offset={offset}
          pageSize={pageSize}
          total={data.total}
          onChange={setOffset}
          label={t('pager.label')}
          previousLabel={t('pager.previous')}
          nextLabel={t('pager.next')}
          formatRange={(from, to, total) => t('pager.range', { from, to, total })}
        />
      )}
    </section>
  );
}
