import type { GridApi } from 'ag-grid-community';
import { useCallback, useMemo, useRef, useState } from 'react';
import { formatDate } from '../../../shared/format';
import { opportunitySortFields, type Opportunity, type OpportunityFilter } from '../../../shared/schemas/opportunities';
import { opportunitiesApi } from '../../api/opportunitiesApi';
import { hashQuery } from '../../app/hashQuery';
import { navigate } from '../../app/navigate';
import { useHashLink } from '../../app/useHashLink';
import { GridLayoutControls } from '../../grid/columns/GridLayoutControls';
import { formatListTotal, type ListTotal } from '../../i18n/formatCount';
import { useI18n } from '../../i18n/useI18n';
import { useLiveEvent } from '../../live/useLiveEvent';
import { Button } from '../../ui/Button';
import { useToast } from '../../ui/toastContext';
import { ConfirmActionDialog } from '../common/ConfirmActionDialog';
import { FilterChip } from '../customers/FilterChip';
import { ExportButton } from '../exports/ExportButton';
import { lostSliceFilter, lostSliceOf, type LostSlice } from './lostSlice';
import { OpportunityFormDialog } from './OpportunityFormDialog';
import { OpportunityGrid } from './OpportunityGrid';
import { OpportunitySearchPanel } from './OpportunitySearchPanel';
import './opportunities.css';
import { ProductLookupDialog } from './ProductLookupDialog';

type OpenDialog = { kind: 'create' } | { kind: 'edit'; id: number } | { kind: 'delete'; row: Opportunity } | { kind: 'lookup' } | null;

/**
 * Cơ hội (S1–S3): the search panel, the toolbar and the grid filling the page. A slice of the
 * lost-reason chart arrives as `#/opportunities?lostReason=…&lostFrom=…&lostTo=…`: a removable chip.
 */
export function OpportunitiesPage() {
  const { t, locale } = useI18n();
  const showToast = useToast();
  const [search, setSearch] = useState<OpportunityFilter>({});
  const [slice, setSlice] = useState<LostSlice | null>(() => lostSliceOf(hashQuery()));
  const [list, setList] = useState<ListTotal>({ total: 0 });
  const [selected, setSelected] = useState<Opportunity[]>([]);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [layoutApi, setLayoutApi] = useState<GridApi<Opportunity> | null>(null);
  const gridApi = useRef<GridApi<Opportunity> | null>(null);

  // A chart link sets the slice, then leaves the URL plain (a reload shows the plain list). The
  // slice the page opened on (read above, so the first request has it) is kept as it is.
  useHashLink('/opportunities', (query) => {
    const linked = lostSliceOf(query);
    if (!linked) return false;
    setSlice((current) => (JSON.stringify(current) === JSON.stringify(linked) ? current : linked));
    return true;
  });

  const filter = useMemo(() => ({ ...search, ...(slice ? lostSliceFilter(slice) : {}) }), [search, slice]);
  const refreshRows = useCallback(() => {
    const api = gridApi.current;
    // An empty list has no loaded block to refetch in place: only a purge asks the server again.
    if (api?.getDisplayedRowCount() === 0) api.purgeInfiniteCache();
    else api?.refreshInfiniteCache();
  }, []);
  // Anyone's change to an opportunity: the loaded blocks refetch in place (scroll and selection stay).
  useLiveEvent('opportunities', refreshRows, 1000);
  const closeDialog = () => setDialog(null);
  const single = selected.length === 1 ? selected[0] : null;

  return (
    <section className="page opportunities-page">
      <OpportunitySearchPanel
        onSearch={setSearch}
        onReset={() => {
          setSearch({});
          setSlice(null);
        }}
        chips={
          slice && (
            <div className="chips">
              <FilterChip
                label={t('opportunities.search.lostChip', { reason: slice.reason, from: formatDate(slice.from), to: formatDate(slice.to) })}
                removeLabel={t('opportunities.search.removeLost')}
                onRemove={() => setSlice(null)}
              />
            </div>
          )
        }
      />
      <div className="toolbar">
        <div className="toolbar-row">
          <Button variant="primary" onClick={() => setDialog({ kind: 'create' })}>
            {t('opportunities.add')}
          </Button>
          <Button disabled={!single} onClick={() => single && setDialog({ kind: 'edit', id: single.id })}>
            {t('common.edit')}
          </Button>
          <Button disabled={!single?.editable} onClick={() => single && setDialog({ kind: 'delete', row: single })}>
            {t('common.delete')}
          </Button>
          <Button onClick={() => setDialog({ kind: 'lookup' })}>{t('opportunities.productLookup')}</Button>
          <Button onClick={() => navigate('/opportunities/recycle-bin')}>{t('opportunities.recycleBin')}</Button>
          <div className="toolbar-spacer" />
          <GridLayoutControls api={layoutApi} />
          {/* Xuất khẩu (issue 14, S4): the current search, or the selected rows, with the grid's columns and sort. */}
          <ExportButton
            list="opportunities"
            getApi={() => gridApi.current}
            getFilter={() => filter}
            sortable={opportunitySortFields}
            getSelection={() => ({ ids: selected.map((row) => row.id), count: selected.length })}
            getTotal={() => list.total}
          />
        </div>
      </div>
      <div className="grid-area">
        <OpportunityGrid
          key={locale}
          filter={filter}
          onReady={(api) => {
            gridApi.current = api;
            setLayoutApi(api);
            api.addEventListener('selectionChanged', () => setSelected(api.getSelectedRows()));
          }}
          onBlockLoaded={setList}
          onOpen={(row) => setDialog({ kind: 'edit', id: row.id })}
        />
      </div>
      <footer className="grid-footer">{t('opportunities.total', { count: formatListTotal(list, locale, t) })}</footer>

      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <OpportunityFormDialog
          key={dialog.kind === 'edit' ? dialog.id : 'new'}
          opportunityId={dialog.kind === 'edit' ? dialog.id : null}
          onClose={closeDialog}
          onSaved={(saved, created) => {
            closeDialog();
            showToast(created ? t('opportunities.created', { number: saved.number, name: saved.name }) : t('opportunities.saved', { name: saved.name }));
            refreshRows();
          }}
        />
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmActionDialog
          title={t('opportunities.deleteTitle')}
          message={t('opportunities.deleteConfirm', { number: dialog.row.number, name: dialog.row.name })}
          action={() => opportunitiesApi.remove(dialog.row.id).then(() => undefined)}
          onClose={closeDialog}
          onDone={() => {
            closeDialog();
            gridApi.current?.deselectAll();
            showToast(t('opportunities.deleted', { name: dialog.row.name }));
            refreshRows();
          }}
        />
      )}
      {dialog?.kind === 'lookup' && <ProductLookupDialog onClose={closeDialog} />}
    </section>
  );
}
