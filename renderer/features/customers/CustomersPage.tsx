import { useState } from 'react';
import type { Customer } from '../../../shared/schemas/customers';
import { navigate } from '../../app/navigate';
import { useHashLink } from '../../app/useHashLink';
import { useSession } from '../../app/sessionContext';
import { formatCount, formatListTotal } from '../../i18n/formatCount';
import { useI18n } from '../../i18n/useI18n';
import { useLiveEvent } from '../../live/useLiveEvent';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { GridLayoutControls } from '../../grid/columns/GridLayoutControls';
import { ExportButton } from '../exports/ExportButton';
import { customerSortFields } from '../../../shared/schemas/enums';
import { useToast } from '../../ui/toastContext';
import { bulkRequestOf, singleCustomerRequest, type BulkRequest } from '../ownership/bulkRequest';
import { ShareDialog } from '../ownership/ShareDialog';
import { TransferOwnerDialog } from '../ownership/TransferOwnerDialog';
import { AddToPoolDialog } from '../pool/AddToPoolDialog';
import type { ToolbarFilter } from './buildCustomerFilter';
import { BulkGroupsDialog } from './BulkGroupsDialog';
import { CustomerFormDialog } from './CustomerFormDialog';
import { CustomerGrid, type LoadedBlock } from './CustomerGrid';
import { selectionCount, selectionTarget, type CustomerSelection, type SelectionTarget } from './customerSelection';
import { CustomerToolbar, type ToolbarActions } from './CustomerToolbar';
import { DeleteCustomersDialog } from './DeleteCustomersDialog';
import { MassUpdateDialog } from './MassUpdateDialog';
import { CustomerDetailPanel } from './detail/CustomerDetailPanel';
import { SelectionBar } from './SelectionBar';
import { useClassification } from './useClassification';
import { useCustomerGridApi } from './useCustomerGridApi';
import { useCustomerSelection } from './useCustomerSelection';

type DeleteRequest = { target: SelectionTarget; count: number; name?: string; covers: (customerId: number) => boolean };
type OpenDialog =
  | { kind: 'create' }
  | { kind: 'edit'; customerId: number }
  | ({ kind: 'delete' } & DeleteRequest)
  | { kind: 'groups' }
  | { kind: 'massUpdate' }
  | { kind: 'transfer' | 'share'; request: BulkRequest }
  | { kind: 'addToPool'; target: SelectionTarget; count: number }
  | null;

/** What Xóa sends and asks about, fixed when the dialog opens. */
function deleteRequest(selection: CustomerSelection): DeleteRequest {
  const count = selectionCount(selection);
  if (selection.kind === 'rows') {
    const ids = new Set(selection.rows.map((row) => row.id));
    return { target: selectionTarget(selection), count, name: count === 1 ? selection.rows[0].name : undefined, covers: (id) => ids.has(id) };
  }
  const excluded = new Set(selection.excludeIds);
  return { target: selectionTarget(selection), count, covers: (id) => !excluded.has(id) };
}

/** Khách hàng: toolbar, the grid filling the page, selection and totals; the detail opens beside it. */
export function CustomersPage({ detailId }: { detailId: number | null }) {
  const { t, locale } = useI18n();
  const showToast = useToast();
  const classification = useClassification();
  const { user } = useSession();
  const { selection, loadedCount, attach, selectAllMatching, clear } = useCustomerSelection();
  const [toolbarFilter, setToolbarFilter] = useState<ToolbarFilter>({});
  const [loaded, setLoaded] = useState<LoadedBlock>({ total: 0, filter: {} });
  const [dialog, setDialog] = useState<OpenDialog>(null);
  /** Bumped after every save, so the open detail reloads. */
  const [changes, setChanges] = useState(0);
  const { gridApi, layoutApi, onReady, refreshRows } = useCustomerGridApi(attach);

  const afterChange = () => {
    refreshRows();
    setChanges((count) => count + 1);
  };
  // Anyone's change anywhere: the loaded blocks refetch in place (scroll and selection stay), the detail reloads.
  useLiveEvent('customers', afterChange, 1000);
  const changeFilter = (filter: ToolbarFilter) => {
    clear();
    setToolbarFilter(filter);
  };
  const open = (customer: Customer) => navigate(`/customers/${customer.id}`);
  // Links show a set of customers as a removable filter, then leave the URL plain: a notification's
  // `#/customers?batch=ID` (that transfer batch's customers), Chiến dịch's `?campaign=ID` (its members),
  // a pool reminder's `?poolDueWithin=N` (the customers a pool rule takes within N days).
  useHashLink('/customers', (query) => {
    const batchId = Number(query.get('batch')) || null;
    const campaignId = Number(query.get('campaign')) || null;
    const poolDueWithin = Number(query.get('poolDueWithin')) || null;
    if (!batchId && !campaignId && !poolDueWithin) return false;
    clear();
    setToolbarFilter({ ...(batchId ? { batchId } : {}), ...(campaignId ? { campaignId } : {}), ...(poolDueWithin ? { poolDueWithin } : {}) });
    return true;
  });
  /** After a transfer, share or undo: the grid and the detail reload, a toast says what happened. */
  const afterOwnershipChange = (message: string) => {
    showToast(message);
    afterChange();
  };
  const mayTransfer = user.role !== 'staff';
  const openForSelection = (kind: 'transfer' | 'share') => () => setDialog({ kind, request: bulkRequestOf(selection, gridApi.current) });

  const rows = selection.kind === 'rows' ? selection.rows : [];
  const single = rows.length === 1 ? rows[0] : null;
  const allEditable = rows.length > 0 && rows.every((row) => row.access === 'edit');
  const actions: ToolbarActions = {
    create: () => setDialog({ kind: 'create' }),
    view: single ? () => open(single) : null,
    edit: single?.access === 'edit' ? () => setDialog({ kind: 'edit', customerId: single.id }) : null,
    remove: (selection.kind === 'allMatching' && selectionCount(selection) > 0) || allEditable ? () => setDialog({ kind: 'delete', ...deleteRequest(selection) }) : null,
    changeGroups: selection.kind === 'allMatching' || allEditable ? () => setDialog({ kind: 'groups' }) : null,
    massUpdate: selection.kind === 'allMatching' || allEditable ? () => setDialog({ kind: 'massUpdate' }) : null,
    ...(mayTransfer && { transferOwner: selection.kind === 'allMatching' || allEditable ? openForSelection('transfer') : null }),
    share: selection.kind === 'allMatching' || allEditable ? openForSelection('share') : null,
    // Pool customers have no owner to keep as the previous one: only owned rows go to the pool.
    ...(mayTransfer && {
      addToPool: selection.kind === 'allMatching' || (allEditable && rows.every((row) => !row.inPool))
        ? () => setDialog({ kind: 'addToPool', target: selectionTarget(selection), count: selectionCount(selection) })
        : null,
    }),
    recycleBin: () => navigate('/customers/recycle-bin'),
  };
  const closeDialog = () => setDialog(null);

  return (
    <section className="page customers-page">
      <CustomerToolbar
        filter={toolbarFilter}
        onFilterChange={changeFilter}
        types={classification.types}
        groups={classification.groups}
        careStatuses={classification.careStatuses}
        actions={actions}
        gridControls={
          <>
            <GridLayoutControls api={layoutApi} />
            <ExportButton
              list="customers"
              getApi={() => gridApi.current}
              getFilter={() => loaded.filter}
              sortable={customerSortFields}
              getSelection={() => {
                const target = selectionTarget(selection);
                return { ids: target.customerIds, filter: target.filter, excludeIds: target.excludeIds, count: selectionCount(selection) };
              }}
              getTotal={() => loaded.total}
            />
          </>
        }
        status={
          <SelectionBar
            selection={selection}
            loadedCount={loadedCount}
            total={loaded.total}
            onSelectAllMatching={() => selectAllMatching(loaded.filter, loaded.total)}
            onClear={clear}
          />
        }
      />
      <ErrorMessage message={classification.error} />
      <div className="grid-area">
        <CustomerGrid
          key={locale}
          toolbarFilter={toolbarFilter}
          types={classification.types}
          groups={classification.groups}
          careStatuses={classification.careStatuses}
          mayChangeOwner={mayTransfer}
          onReady={onReady}
          onBlockLoaded={setLoaded}
          onOpen={open}
        />
      </div>
      <footer className="grid-footer">{t('customers.total', { count: formatListTotal(loaded, locale, t) })}</footer>

      {detailId && (
        <CustomerDetailPanel
          customerId={detailId}
          changes={changes}
          groups={classification.groups}
          careStatuses={classification.careStatuses}
          onEdit={(customerId) => setDialog({ kind: 'edit', customerId })}
          onTransfer={mayTransfer ? (customer) => setDialog({ kind: 'transfer', request: singleCustomerRequest(customer) }) : null}
          onShare={(customer) => setDialog({ kind: 'share', request: singleCustomerRequest(customer) })}
          onChanged={afterChange}
          onClose={() => navigate('/customers')}
        />
      )}
      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <CustomerFormDialog
          key={dialog.kind === 'edit' ? dialog.customerId : 'new'}
          customerId={dialog.kind === 'edit' ? dialog.customerId : null}
          types={classification.types}
          groups={classification.groups}
          careStatuses={classification.careStatuses}
          onClose={closeDialog}
          onSaved={(customer) => {
            closeDialog();
            showToast(t(dialog.kind === 'edit' ? 'customers.saved' : 'customers.created', { name: customer.name }));
            afterChange();
          }}
        />
      )}
      {dialog?.kind === 'delete' && (
        <DeleteCustomersDialog
          target={dialog.target}
          count={dialog.count}
          name={dialog.name}
          onClose={closeDialog}
          onDeleted={(updated) => {
            closeDialog();
            clear();
            showToast(t('customers.deleted', { count: formatCount(updated, locale) }));
            afterChange();
            if (detailId && dialog.covers(detailId)) navigate('/customers');
          }}
        />
      )}
      {dialog?.kind === 'groups' && (
        <BulkGroupsDialog
          target={selectionTarget(selection)}
          count={selectionCount(selection)}
          groups={classification.groups}
          onClose={closeDialog}
          onDone={(updated) => {
            showToast(t('bulkGroups.done', { count: updated }));
            classification.reload();
            afterChange();
          }}
        />
      )}
      {dialog?.kind === 'massUpdate' && (
        <MassUpdateDialog
          target={selectionTarget(selection)}
          count={selectionCount(selection)}
          types={classification.types}
          groups={classification.groups}
          careStatuses={classification.careStatuses}
          mayChangeOwner={mayTransfer}
          onClose={closeDialog}
          onDone={() => {
            classification.reload();
            afterChange();
          }}
        />
      )}
      {dialog?.kind === 'addToPool' && (
        <AddToPoolDialog
          target={dialog.target}
          count={dialog.count}
          onMoved={() => {
            clear();
            afterChange();
          }}
          onClose={closeDialog}
        />
      )}
      {dialog?.kind === 'transfer' && <TransferOwnerDialog request={dialog.request} onChanged={afterOwnershipChange} onClose={closeDialog} />}
      {dialog?.kind === 'share' && (
        <ShareDialog
          request={dialog.request}
          onShared={(message) => {
            closeDialog();
            afterOwnershipChange(message);
          }}
          onClose={closeDialog}
        />
      )}
    </section>
  );
}
