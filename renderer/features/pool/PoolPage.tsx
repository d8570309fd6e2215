import { useMemo, useState } from 'react';
import type { PoolClaimResult } from '../../../shared/schemas/pool';
import { poolApi } from '../../api/poolApi';
import { useApiData } from '../../api/useApiData';
import { navigate } from '../../app/navigate';
import { useSession } from '../../app/sessionContext';
import { GridLayoutControls } from '../../grid/columns/GridLayoutControls';
import { formatCount, formatListTotal } from '../../i18n/formatCount';
import { useI18n } from '../../i18n/useI18n';
import { useLiveEvent } from '../../live/useLiveEvent';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { SearchBox } from '../../ui/SearchBox';
import { useToast } from '../../ui/toastContext';
import { BulkResultReport } from '../common/BulkResultReport';
import { CustomerGrid, type CustomerGridVariant, type LoadedBlock } from '../customers/CustomerGrid';
import { selectionCount, selectionTarget } from '../customers/customerSelection';
import { SelectionBar } from '../customers/SelectionBar';
import { useCustomerGridApi } from '../customers/useCustomerGridApi';
import { useCustomerSelection } from '../customers/useCustomerSelection';
import { AssignFromPoolDialog } from './AssignFromPoolDialog';
import { ClaimButton } from './ClaimButton';
import { ClaimsToday } from './ClaimsToday';
import './pool.css';
import { poolColumns } from './poolColumns';

/**
 * Khách hàng chung (P1, P3): the pool on the customer grid (basic info), "Nhận" claims the
 * selection (rows or all matching) within the daily limit, managers and admins "Giao cho…" an owner.
 * Anyone's change refreshes the grid and today's claim counter.
 */
export function PoolPage() {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const showToast = useToast();
  const { selection, loadedCount, attach, selectAllMatching, clear } = useCustomerSelection();
  const [search, setSearch] = useState('');
  const toolbarFilter = useMemo(() => ({ search }), [search]);
  const [loaded, setLoaded] = useState<LoadedBlock>({ total: 0, filter: {} });
  const claims = useApiData(() => poolApi.claimsToday(), []);
  const [claimError, setClaimError] = useState<string | null>(null);
  /** Claims that went through: each remounts Nhận with a new Idempotency-Key. */
  const [claimRounds, setClaimRounds] = useState(0);
  const [claimed, setClaimed] = useState<PoolClaimResult | null>(null);
  const [assigning, setAssigning] = useState(false);
  const variant = useMemo<CustomerGridVariant>(() => ({ columns: poolColumns(t), filter: { inPool: true }, columnStateKey: 'poolGrid.columnState' }), [t]);

  const { layoutApi, onReady, refreshRows } = useCustomerGridApi(attach);
  const refresh = () => {
    refreshRows();
    claims.reload();
  };
  useLiveEvent('customers', refresh, 1000);

  const count = selectionCount(selection);
  const number = (value: number) => formatCount(value, locale);

  return (
    <section className="page pool-page">
      <div className="toolbar">
        <div className="toolbar-row">
          <ClaimButton
            key={claimRounds}
            target={selectionTarget(selection)}
            disabled={count === 0}
            onClaimed={(result) => {
              setClaimError(null);
              setClaimed(result);
              setClaimRounds((rounds) => rounds + 1);
              clear();
            }}
            onRefused={setClaimError}
            onSettled={refresh}
          />
          {user.role !== 'staff' && (
            <Button disabled={count === 0} onClick={() => setAssigning(true)}>
              {t('pool.assign')}
            </Button>
          )}
          {claims.data && <ClaimsToday claims={claims.data} />}
          <div className="toolbar-spacer" />
          <GridLayoutControls api={layoutApi} />
          <SearchBox value={search} onSearch={setSearch} label={t('customers.search')} />
        </div>
        <div className="toolbar-row">
          <div className="toolbar-spacer" />
          <SelectionBar selection={selection} loadedCount={loadedCount} total={loaded.total} onSelectAllMatching={() => selectAllMatching(loaded.filter, loaded.total)} onClear={clear} />
        </div>
      </div>
      <ErrorMessage message={claimError} />
      <div className="grid-area">
        <CustomerGrid
          key={locale}
          toolbarFilter={toolbarFilter}
          types={[]}
          groups={[]}
          careStatuses={[]}
          mayChangeOwner={false}
          onReady={onReady}
          onBlockLoaded={setLoaded}
          onOpen={(customer) => navigate(`/customers/${customer.id}`)}
          variant={variant}
        />
      </div>
      <footer className="grid-footer">{t('pool.total', { count: formatListTotal(loaded, locale, t) })}</footer>

      {claimed && (
        <BulkResultReport
          title={t('pool.claim.title')}
          summary={t('pool.claim.done', { count: number(claimed.claimed) })}
          skipped={[]}
          details={claimed.remainingToday !== null && <p>{t('pool.claim.remaining', { count: number(claimed.remainingToday) })}</p>}
          onClose={() => setClaimed(null)}
        />
      )}
      {assigning && (
        <AssignFromPoolDialog
          target={selectionTarget(selection)}
          count={count}
          onAssigned={(assigned, ownerName) => {
            setAssigning(false);
            clear();
            showToast(t('pool.assign.done', { count: number(assigned), name: ownerName }));
            refresh();
          }}
          onClose={() => setAssigning(false)}
        />
      )}
    </section>
  );
}
