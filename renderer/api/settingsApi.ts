import type { CustomerSettings } from '../../shared/schemas/settings';
import { http } from './http';

/** Company-wide settings: everyone reads them, admins save them (403 otherwise). */
export const settingsApi = {
  customers: () => http.get<CustomerSettings>('/api/settings/customers'),
  saveCustomers: (settings: CustomerSettings) => http.put<CustomerSettings>('/api/settings/customers', settings),
};
