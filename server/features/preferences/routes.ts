import type { App } from '../../appType';
import { errorResponses, Ok } from '../../../shared/schemas/common';
import { Preference, PreferenceBody, PreferenceParams } from '../../../shared/schemas/preferences';
import { AppError, notFound } from '../../errors';
import { findPreference, savePreference } from './repository';

const tags = ['preferences'];
const maxBytes = 64 * 1024;

/** Per-user UI state (e.g. the customer grid's columns), always the caller's own. */
export async function preferenceRoutes(app: App): Promise<void> {
  app.get('/api/preferences/:key', { schema: { tags, params: PreferenceParams, response: { 200: Preference, ...errorResponses } } }, async (request) => {
    const value = await findPreference(app.db, request.actor.id, request.params.key);
    if (value === undefined) throw notFound('Preference');
    return { key: request.params.key, value };
  });

  app.put('/api/preferences/:key', { schema: { tags, params: PreferenceParams, body: PreferenceBody, response: { 200: Ok, ...errorResponses } } }, async (request) => {
    const json = JSON.stringify(request.body.value ?? null);
    if (json.length > maxBytes) throw new AppError(400, 'VALIDATION_ERROR', 'Preference value is too large', 'value');
    await savePreference(app.db, request.actor.id, request.params.key, json);
    return { ok: true };
  });
}
