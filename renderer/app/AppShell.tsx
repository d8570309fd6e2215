import { ActivitiesPage } from '../features/activities/ActivitiesPage';
import { CampaignsPage } from '../features/campaigns/CampaignsPage';
import { CustomersPage } from '../features/customers/CustomersPage';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { OpportunitiesPage } from '../features/opportunities/OpportunitiesPage';
import { PoolPage } from '../features/pool/PoolPage';
import { RecycleBinPage } from '../features/recycleBin/RecycleBinPage';
import { recycleBins } from '../features/recycleBin/recycleBins';
import { ReportsPage } from '../features/reports/ReportsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { useI18n } from '../i18n/useI18n';
import { Button } from '../ui/Button';
import { ComingSoon } from './ComingSoon';
import { LanguageSwitch } from './LanguageSwitch';
import { modules, type Module } from './modules';
import { useSession } from './sessionContext';
import { useHashRoute } from './useHashRoute';

function ModulePage({ module, rest }: { module: Module; rest: string[] }) {
  switch (module.id) {
    case 'customers':
      return rest[0] === 'recycle-bin' ? <RecycleBinPage key="customers" bin={recycleBins.customers} /> : <CustomersPage detailId={Number(rest[0]) || null} />;
    case 'opportunities':
      return rest[0] === 'recycle-bin' ? <RecycleBinPage key="opportunities" bin={recycleBins.opportunities} /> : <OpportunitiesPage />;
    case 'activities':
      return <ActivitiesPage />;
    case 'campaigns':
      return <CampaignsPage />;
    case 'pool':
      return <PoolPage />;
    case 'reports':
      return <ReportsPage />;
    case 'settings':
      return <SettingsPage />;
    default:
      return <ComingSoon module={module.label} />;
  }
}

/** Header (notifications, user, language, logout), left navigation and the current module. */
export function AppShell() {
  const { t } = useI18n();
  const { user, signOut } = useSession();
  const [first, ...rest] = useHashRoute();
  const current = modules.find((module) => module.id === first) ?? modules[0];
  return (
    <div className="shell">
      <header className="shell-header">
        <span className="shell-brand">{t('app.name')}</span>
        <div className="shell-user">
          <NotificationBell />
          <LanguageSwitch />
          <span className="shell-user-name">
            {user.fullName} <span className="muted">· {t(`role.${user.role}`)}</span>
          </span>
          <Button onClick={signOut}>{t('header.logout')}</Button>
        </div>
      </header>
      <nav className="shell-nav" aria-label={t('nav.label')}>
        {modules.map((module) => (
          <a key={module.id} href={`#/${module.id}`} className={module.id === current.id ? 'nav-link nav-link-active' : 'nav-link'} aria-current={module.id === current.id ? 'page' : undefined}>
            {t(module.label)}
          </a>
        ))}
      </nav>
      <main className="shell-main">
        <ModulePage module={current} rest={rest} />
      </main>
    </div>
  );
}
