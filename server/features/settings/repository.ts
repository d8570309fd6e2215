import type { Knex } from 'knex';

/** The stored JSON of `app_settings.key`, or undefined when never saved. */
export async function findAppSetting(db: Knex, key: string): Promise<unknown> {
  const row = await db('app_settings').where({ key }).first('value');
  return row?.value;
}

/** Stores `value` under `key` and answers what was stored before (undefined when nothing). */
export async function saveAppSetting(trx: Knex, key: string, value: unknown): Promise<unknown> {
  const previous = await trx('app_settings').where({ key }).forUpdate().first('value');
  await trx('app_settings')
    .insert({ key, value: JSON.stringify(value), updated_at: trx.fn.now() })
    .onConflict('key').merge(['value', 'updated_at']);
  return previous?.value;
}
