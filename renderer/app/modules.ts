import type { MessageKey } from '../i18n/vi';

export type ModuleId = 'customers' | 'leads' | 'opportunities' | 'activities' | 'campaigns' | 'pool' | 'reports' | 'settings';

export type Module = { id: ModuleId; label: MessageKey };

/** The left navigation, in order. Modules not built yet show an honest "coming in a later version" notice. */
export const modules: Module[] = [
  { id: 'customers', label: 'nav.customers' },
  { id: 'leads', label: 'nav.leads' },
  { id: 'opportunities', label: 'nav.opportunities' },
  { id: 'activities', label: 'nav.activities' },
  { id: 'campaigns', label: 'nav.campaigns' },
  { id: 'pool', label: 'nav.pool' },
  { id: 'reports', label: 'nav.reports' },
  { id: 'settings', label: 'nav.settings' },
];
