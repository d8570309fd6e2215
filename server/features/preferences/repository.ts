import type { Knex } from 'knex';

/** A user's saved UI state under `key`, or undefined. */
export async function findPreference(db: Knex, userId: number, key: string): Promise<unknown> {
  const row = await db('user_preferences').where({ user_id: userId, key }).first('value');
  return row?.value;
}

export async function savePreference(db: Knex, userId: number, key: string, json: string): Promise<void> {
  await db('user_preferences')
    .insert({ user_id: userId, key, value: json, updated_at: db.fn.now() })
    .onConflict(['user_id', 'key']).merge(['value', 'updated_at']);
}
