import { useState } from 'react';
import { useSession } from '../../app/sessionContext';
import { useI18n } from '../../i18n/useI18n';
import { Tabs, type Tab } from '../../ui/Tabs';
import { MultiAssignRulesTab } from '../automations/MultiAssignRulesTab';
import { PoolSettingsTab } from '../pool/PoolSettingsTab';
import { TiersTab } from '../tiers/TiersTab';
import { CareStatusesTab } from './CareStatusesTab';
import { CustomerGroupsTab } from './CustomerGroupsTab';
import { CustomerSettingsTab } from './CustomerSettingsTab';
import { CustomerTypesTab } from './CustomerTypesTab';
import { DepartmentsTab } from './DepartmentsTab';
import { LostReasonsTab } from './LostReasonsTab';
import { MyAccountTab } from './MyAccountTab';
import { UsersTab } from './UsersTab';

type SettingsTab = 'account' | 'users' | 'departments' | 'types' | 'groups' | 'customers' | 'tiers' | 'careStatuses' | 'multiAssign' | 'pool' | 'lostReasons';

/**
 * Thiết lập: admins manage users, departments, customer types, groups and care statuses; admins and
 * managers the multi-assign rules (the help articles set them up under Thiết lập hệ thống);
 * everyone reads the common pool's rules (admins edit them) and sees their own account.
 */
export function SettingsPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const isAdmin = user.role === 'admin';
  const tabs: Tab<SettingsTab>[] = isAdmin
    ? [
        { id: 'users', label: t('settings.users') },
        { id: 'departments', label: t('settings.departments') },
        { id: 'types', label: t('settings.types') },
        { id: 'groups', label: t('settings.groups') },
        { id: 'customers', label: t('settings.customers') },
        { id: 'tiers', label: t('settings.tiers') },
        { id: 'careStatuses', label: t('settings.careStatuses') },
        { id: 'lostReasons', label: t('settings.lostReasons') },
        { id: 'multiAssign', label: t('settings.multiAssign') },
        { id: 'pool', label: t('settings.pool') },
        { id: 'account', label: t('settings.account') },
      ]
    : user.role === 'manager'
      ? [{ id: 'multiAssign', label: t('settings.multiAssign') }, { id: 'pool', label: t('settings.pool') }, { id: 'lostReasons', label: t('settings.lostReasons') }, { id: 'account', label: t('settings.account') }]
      : [{ id: 'account', label: t('settings.account') }, { id: 'pool', label: t('settings.pool') }];
  const [tab, setTab] = useState<SettingsTab>(tabs[0].id);
  return (
    <section className="page settings-page">
      <h1 className="page-title">{t('nav.settings')}</h1>
      <Tabs label={t('nav.settings')} tabs={tabs} active={tab} onChange={setTab} />
      <div className="tab-panel" role="tabpanel">
        {tab === 'users' && <UsersTab />}
        {tab === 'departments' && <DepartmentsTab />}
        {tab === 'types' && <CustomerTypesTab />}
        {tab === 'groups' && <CustomerGroupsTab />}
        {tab === 'customers' && <CustomerSettingsTab />}
        {tab === 'tiers' && <TiersTab />}
        {tab === 'careStatuses' && <CareStatusesTab />}
        {tab === 'multiAssign' && <MultiAssignRulesTab />}
        {tab === 'pool' && <PoolSettingsTab />}
        {tab === 'lostReasons' && <LostReasonsTab />}
        {tab === 'account' && <MyAccountTab />}
      </div>
    </section>
  );
}
