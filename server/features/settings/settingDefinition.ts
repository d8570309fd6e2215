import type { Static, TObject } from 'typebox';

/**
 * One group of company-wide settings kept in `app_settings` under `key`, as a JSON object of
 * `schema`. Missing fields read as `defaults`, so a new field needs no migration.
 */
export type SettingDefinition<T extends TObject> = {
  key: string;
  schema: T;
  defaults: Static<T>;
};
