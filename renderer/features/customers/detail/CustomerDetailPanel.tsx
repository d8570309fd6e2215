import { useState } from 'react';
import type { CustomerGroup } from '../../../../shared/schemas/classification';
import { customersApi } from '../../../api/customersApi';
import { useApiData } from '../../../api/useApiData';
import { useI18n } from '../../../i18n/useI18n';
import { Button } from '../../../ui/Button';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { SidePanel } from '../../../ui/SidePanel';
import { Tabs } from '../../../ui/Tabs';
import { ActivitiesSection } from './ActivitiesSection';
import { ContactsSection } from './ContactsSection';
import { CustomerInfo } from './CustomerInfo';
import { OwnershipHistory } from './OwnershipHistory';

type DetailTab = 'info' | 'contacts' | 'activities' | 'history';

type CustomerDetailPanelProps = {
  customerId: number;
  /** Changes when the customer may have been saved elsewhere: reload. */
  changes: number;
  groups: CustomerGroup[];
  onEdit: (customerId: number) => void;
  onClose: () => void;
};

/** One customer beside the grid: general info, contacts, activities, ownership history. */
export function CustomerDetailPanel({ customerId, changes, groups, onEdit, onClose }: CustomerDetailPanelProps) {
  const { t } = useI18n();
  const [tab, setTab] = useState<DetailTab>('info');
  const { data: customer, error } = useApiData(() => customersApi.get(customerId), [customerId, changes]);
  const current = customer?.id === customerId ? customer : undefined;
  const editable = current?.access === 'edit';
  return (
    <SidePanel
      title={current?.name ?? t('customers.detail.title')}
      closeLabel={t('common.close')}
      onClose={onClose}
      actions={
        editable && (
          <Button variant="primary" onClick={() => onEdit(customerId)}>
            {t('common.edit')}
          </Button>
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
            active={tab}
            onChange={setTab}
            tabs={[
              { id: 'info', label: t('customers.detail.info') },
              { id: 'contacts', label: t('customers.detail.contacts') },
              { id: 'activities', label: t('customers.detail.activities') },
              { id: 'history', label: t('customers.detail.history') },
            ]}
          />
          <div className="tab-panel" role="tabpanel">
            {tab === 'info' && <CustomerInfo customer={current} groups={groups} />}
            {tab === 'contacts' && <ContactsSection customerId={current.id} editable={editable} />}
            {tab === 'activities' && <ActivitiesSection customerId={current.id} editable={editable} />}
            {tab === 'history' && <OwnershipHistory customerId={current.id} />}
          </div>
        </>
      )}
    </SidePanel>
  );
}
