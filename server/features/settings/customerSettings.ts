import { CustomerSettings } from '../../../shared/schemas/settings';
import type { SettingDefinition } from './settingDefinition';

/** Thiết lập › Khách hàng. `duplicateTaxCode: 'refuse'` makes a save with another customer's tax code a 409. */
export const customerSettings: SettingDefinition<typeof CustomerSettings> = {
  key: 'customers',
  schema: CustomerSettings,
  defaults: { duplicateTaxCode: 'warn' },
};
