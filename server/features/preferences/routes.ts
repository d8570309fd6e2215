import type { App } from '../../app';
import { errorResponses, Ok } from '../../../shared/schemas/common';
import { Preference, PreferenceBody, PreferenceParams } from '../../../shared/schemas/preferences';
import { AppError, notFound } from '../../errors';

const tags = ['preferences'];
const maxBytes = 64 * 1024;

/** Per-user UI state (e.g. the customer grid's columns), always the caller's own. */
export async function preferenceRoutes(app: App): Promise<void> {
  app.get('/api/preferences/:key', { schema: { tags, params: PreferenceParams, response: { 200: Preference, ...errorResponses } } }, async (request) => {
    const row = await app.db('user_preferences').where({ user_id: request.actor.id, key: request.params.key }).first('value');
    if (!row) throw notFound('Preference');
    return { key: request.params.key, value: row.value };
  });

  app.put('/api/preferences/:key', { schema: { tags, params: PreferenceParams, body: PreferenceBody, response: { 200: Ok, ...errorResponses } } }, async (request) => {
    const json = JSON.stringify(request.body.value ?? null);
    if (json.length > maxBytes) throw new AppError(400, 'VALIDATION_ERROR', 'Preference value is too large', 'value');
    await app.db('user_preferences')
      .insert({ user_id: request.actor.id, key: request.params.key, value: json, updated_at: app.db.fn.now() })
      .onConflict(['user_id', 'key']).merge(['value', 'updated_at']);
    return { ok: true };
  });
}
