import { useEffect, useState } from 'react';
import { formatDate } from '../../../shared/format';
import { customersApi } from '../../api/customersApi';
import { useApiAction } from '../../api/useApiAction';
import { useApiData } from '../../api/useApiData';
import { navigate } from '../../app/navigate';
import { formatCount } from '../../i18n/formatCount';
import { useI18n } from '../../i18n/useI18n';
import { Button } from '../../ui/Button';
import { DataTable } from '../../ui/DataTable';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Pager } from '../../ui/Pager';
import { useToast } from '../../ui/toastContext';

const pageSize = 50;

/** Thùng rác: deleted customers the user may restore, newest deletion first, a page at a time. */
export function CustomerRecycleBin() {
  const { t, locale } = useI18n();
  const showToast = useToast();
  const [offset, setOffset] = useState(0);
  const list = useApiData(() => customersApi.recycleBin({ offset, limit: pageSize }), [offset]);
  const restore = useApiAction();
  const page = list.data;
  const number = (value: number) => formatCount(value, locale);

  // Restoring the last row of the last page leaves it empty: show the page before.
  useEffect(() => {
    if (page && page.rows.length === 0 && offset > 0) setOffset(Math.max(0, Math.ceil(page.total / pageSize) - 1) * pageSize);
  }, [page, offset]);

  const restoreCustomer = (id: number) =>
    void restore.run(async () => {
      const customer = await customersApi.restore(id);
      showToast(t('recycleBin.restored', { name: customer.name }));
      list.reload();
    });

  return (
    <section className="page recycle-bin-page">
      <div className="toolbar">
        <div className="toolbar-row">
          <Button variant="link" onClick={() => navigate('/customers')}>
            ← {t('recycleBin.back')}
          </Button>
        </div>
        <div className="toolbar-row">
          <h1 className="page-title">{t('recycleBin.title')}</h1>
          <span className="muted">{t('recycleBin.hint')}</span>
        </div>
      </div>
      <ErrorMessage message={list.error ?? restore.error} />
      {!page && list.loading && <p>{t('common.loading')}</p>}
      {page && (
        <div className="table-area">
          <DataTable
            rows={page.rows}
            columns={[
              { header: t('field.code'), cell: (row) => row.code },
              { header: t('field.name'), cell: (row) => row.name },
              { header: t('field.owner'), cell: (row) => row.ownerName },
              { header: t('recycleBin.deletedAt'), cell: (row) => formatDate(row.deletedAt) },
              { header: t('recycleBin.deletedBy'), cell: (row) => row.deletedByName },
            ]}
            actions={{
              label: t('common.actions'),
              cell: (row) => (
                <Button variant="link" disabled={restore.busy} onClick={() => restoreCustomer(row.id)}>
                  {t('recycleBin.restore')}
                </Button>
              ),
            }}
          />
          {page.total === 0 && <p className="muted table-empty">{t('recycleBin.empty')}</p>}
        </div>
      )}
      <footer className="grid-footer recycle-bin-footer">
        <span>{t('recycleBin.total', { count: number(page?.total ?? 0) })}</span>
        <Pager
          offset={offset}
          pageSize={pageSize}
          total={page?.total ?? 0}
          onChange={setOffset}
          label={t('pager.label')}
          previousLabel={t('pager.previous')}
          nextLabel={t('pager.next')}
          formatRange={(from, to, total) => t('pager.range', { from: number(from), to: number(to), total: number(total) })}
        />
      </footer>
    </section>
  );
}
