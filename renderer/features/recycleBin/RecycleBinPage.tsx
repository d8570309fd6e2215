import { useEffect, useState } from 'react';
import { formatDate } from '../../../shared/format';
import { useApiAction } from '../../api/useApiAction';
import { useApiData } from '../../api/useApiData';
import { navigate } from '../../app/navigate';
import { formatCount } from '../../i18n/formatCount';
import { useI18n } from '../../i18n/useI18n';
import { Button } from '../../ui/Button';
import { DataTable } from '../../ui/DataTable';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Pager } from '../../ui/Pager';
import { Tabs } from '../../ui/Tabs';
import { useToast } from '../../ui/toastContext';
import { recycleBins, type DeletedRow, type RecycleBin, type RecycleBinId } from './recycleBins';

const pageSize = 50;

/**
 * Thùng rác of one list (customers, opportunities): its deleted records the user may restore,
 * newest deletion first, a page at a time, with tabs to the other lists' bins.
 */
export function RecycleBinPage<Row extends DeletedRow>({ bin }: { bin: RecycleBin<Row> }) {
  const { t, locale } = useI18n();
  const showToast = useToast();
  const [offset, setOffset] = useState(0);
  const list = useApiData(() => bin.load({ offset, limit: pageSize }), [offset]);
  const restore = useApiAction();
  const page = list.data;
  const number = (value: number) => formatCount(value, locale);

  // Restoring the last row of the last page leaves it empty: show the page before.
  useEffect(() => {
    if (page && page.rows.length === 0 && offset > 0) setOffset(Math.max(0, Math.ceil(page.total / pageSize) - 1) * pageSize);
  }, [page, offset]);

  const restoreRow = (id: number) =>
    void restore.run(async () => {
      const restored = await bin.restore(id);
      showToast(t(bin.labels.restored, { name: restored.name }));
      list.reload();
    });

  return (
    <section className="page recycle-bin-page">
      <div className="toolbar">
        <div className="toolbar-row">
          <Button variant="link" onClick={() => navigate(bin.listPath)}>
            ← {t(bin.labels.back)}
          </Button>
        </div>
        <Tabs<RecycleBinId>
          label={t('recycleBin.lists')}
          tabs={Object.values(recycleBins).map((other) => ({ id: other.id, label: t(other.labels.tab) }))}
          active={bin.id}
          onChange={(id) => navigate(`${recycleBins[id].listPath}/recycle-bin`)}
        />
        <div className="toolbar-row">
          <h1 className="page-title">{t(bin.labels.title)}</h1>
          <span className="muted">{t(bin.labels.hint)}</span>
        </div>
      </div>
      <ErrorMessage message={list.error ?? restore.error} />
      {!page && list.loading && <p>{t('common.loading')}</p>}
      {page && (
        <div className="table-area">
          <DataTable
            rows={page.rows}
            columns={[
              ...bin.columns(t),
              { header: t('recycleBin.deletedAt'), cell: (row) => formatDate(row.deletedAt) },
              { header: t('recycleBin.deletedBy'), cell: (row) => row.deletedByName },
            ]}
            actions={{
              label: t('common.actions'),
              cell: (row) => (
                <Button variant="link" disabled={restore.busy} onClick={() => restoreRow(row.id)}>
                  {t('recycleBin.restore')}
                </Button>
              ),
            }}
          />
          {page.total === 0 && <p className="muted table-empty">{t('recycleBin.empty')}</p>}
        </div>
      )}
      <footer className="grid-footer recycle-bin-footer">
        <span>{t(bin.labels.total, { count: number(page?.total ?? 0) })}</span>
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
