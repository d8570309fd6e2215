import { useState } from 'react';
import type { CareStatus, CustomerGroup } from '../../../../shared/schemas/classification';
import type { Customer } from '../../../../shared/schemas/customers';
import { customersApi } from '../../../api/customersApi';
import { useApiData } from '../../../api/useApiData';
import { useI18n } from '../../../i18n/useI18n';
import { Button } from '../../../ui/Button';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { SidePanel } from '../../../ui/SidePanel';
import { Tabs, type Tab } from '../../../ui/Tabs';
import { ActivitiesSection } from './ActivitiesSection';
import { ContactsSection } from './ContactsSection';
import { CustomerInfo } from './CustomerInfo';
import { OwnershipHistory } from './OwnershipHistory';
import { salesTabs, type SalesTabId } from './salesTabs';
import { SharesTab } from './SharesTab';

type DetailTab = 'info' | 'contacts' | 'activities' | SalesTabId | 'history' | 'shares';

type CustomerDetailPanelProps = {
  customerId: number;
  /** Changes when the customer may have been saved elsewhere: reload. */
  changes: number;
  groups: CustomerGroup[];
  careStatuses: CareStatus[];
  onEdit: (customerId: number) => void;
  /** "Chuyển chủ sở hữu" (null: not offered to this user) and "Chia sẻ" of this customer. */
  onTransfer: ((customer: Customer) => void) | null;
  onShare: (customer: Customer) => void;
  /** After an undo from the history: the customer and the grid changed. */
  onChanged: () => void;
  onClose: () => void;
};

/**
 * One customer beside the grid: general info, contacts, activities, the read-only sales tabs
 * (opportunities, quotes, contracts, orders, payments), ownership history. A tab shows only when
 * the customer's `infoTypes` (the access rules, computed by the server) include what it lists.
 */
export function CustomerDetailPanel({ customerId, changes, groups, careStatuses, onEdit, onTransfer, onShare, onChanged, onClose }: CustomerDetailPanelProps) {
  const { t } = useI18n();
  const [tab, setTab] = useState<DetailTab>('info');
  const { data: customer, error } = useApiData(() => customersApi.get(customerId), [customerId, changes]);
  const current = customer?.id === customerId ? customer : undefined;
  const editable = current?.access === 'edit';
  const visibleSales = salesTabs.filter((sales) => current?.infoTypes.includes(sales.infoType));
  const tabs: Tab<DetailTab>[] = [
    { id: 'info', label: t('customers.detail.info') },
    ...(current?.infoTypes.includes('contacts') ? [{ id: 'contacts' as const, label: t('customers.detail.contacts') }] : []),
    ...(current?.infoTypes.includes('activities') ? [{ id: 'activities' as const, label: t('customers.detail.activities') }] : []),
    ...visibleSales.map((sales) => ({ id: sales.id, label: t(sales.label) })),
    { id: 'history', label: t('customers.detail.history') },
    // Who sees it and why: for those who may edit it (the server refuses the others).
    ...(editable ? [{ id: 'shares' as const, label: t('customers.detail.shares') }] : []),
  ];
  // Another customer may not show the tab that was open.
  const shown = tabs.some((candidate) => candidate.id === tab) ? tab : 'info';
  const salesTab = visibleSales.find((sales) => sales.id === shown);
  return (
    <SidePanel
      title={current?.name ?? t('customers.detail.title')}
      closeLabel={t('common.close')}
      onClose={onClose}
      actions={
        current && editable && (
          <>
            {onTransfer && <Button onClick={() => onTransfer(current)}>{t('customers.transferOwner')}</Button>}
            <Button onClick={() => onShare(current)}>{t('customers.share')}</Button>
            <Button variant="primary" onClick={() => onEdit(customerId)}>
              {t('common.edit')}
            </Button>
          </>
        )
      }
    >
      <ErrorMessage message={error} />
      {!current && !error && <p>{t('common.loading')}</p>}
      {current && (
        <>
          {!editable && <p className="notice">{t(current.access === 'pool' ? 'customers.detail.poolNotice' : 'customers.detail.readOnlyNotice')}</p>}
          <Tabs
            label={t('customers.detail.title')}
            active={shown}
            onChange={setTab}
            tabs={tabs}
          />
          <div className="tab-panel" role="tabpanel">
            {shown === 'info' && <CustomerInfo customer={current} groups={groups} careStatuses={careStatuses} />}
            {shown === 'contacts' && <ContactsSection customerId={current.id} editable={editable} />}
            {shown === 'activities' && <ActivitiesSection customerId={current.id} editable={editable} />}
            {salesTab?.render(current, t)}
            {shown === 'history' && <OwnershipHistory customerId={current.id} customerName={current.name} onChanged={onChanged} />}
            {shown === 'shares' && <SharesTab customerId={current.id} changes={changes} />}
          </div>
        </>
      )}
    </SidePanel>
  );
}
