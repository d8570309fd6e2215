import type { Knex } from 'knex';
import type { Static, TObject } from 'typebox';
import { Value } from 'typebox/value';
import type { Actor } from '../../access/actor';
import { writeAudit } from '../audit/writeAudit';
import { findAppSetting, saveAppSetting } from './repository';
import type { SettingDefinition } from './settingDefinition';

/** Stored fields over the defaults, keeping only stored fields that still pass the schema. */
function withDefaults<T extends TObject>(definition: SettingDefinition<T>, stored: unknown): Static<T> {
  const settings: Record<string, unknown> = { ...definition.defaults };
  if (stored && typeof stored === 'object' && !Array.isArray(stored)) {
    for (const [field, value] of Object.entries(stored)) {
      const fieldSchema = definition.schema.properties[field];
      if (fieldSchema && Value.Check(fieldSchema, value)) settings[field] = value;
    }
  }
  return settings as Static<T>;
}

/** The current settings of `definition`; pass a transaction to read them inside it. */
export async function readSettings<T extends TObject>(db: Knex, definition: SettingDefinition<T>): Promise<Static<T>> {
  return withDefaults(definition, await findAppSetting(db, definition.key));
}

/** Replaces the settings (the body is already validated against the schema), audited in the same transaction. */
export async function writeSettings<T extends TObject>(db: Knex, actor: Actor, definition: SettingDefinition<T>, value: Static<T>): Promise<Static<T>> {
  const settings = withDefaults(definition, value);
  await db.transaction(async (trx) => {
    const before = withDefaults(definition, await saveAppSetting(trx, definition.key, settings));
    await writeAudit(trx, actor.id, 'update', 'settings', [], { key: definition.key, before, after: settings });
  });
  return settings;
}
