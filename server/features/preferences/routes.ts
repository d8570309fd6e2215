import type { App } from '../../appType';
import { errorResponses, Ok } from '../../../shared/schemas/common';
import { Preference, PreferenceBody, PreferenceParams } from '../../../shared/schemas/preferences';
import { AppError } from '../../errors';
import { findPreference, savePreference } from './repository';

const tags = ['preferences'];
const maxBytes = 64 * 1024;

/** Per-user UI state (e.g. the customer grid's columns), always the caller's own. */
export async function preferenceRoutes(app: App): Promise<void> {
  app.get('/api/preferences/:key', { schema: { tags, params: PreferenceParams, response: { 200: Preference, ...errorResponses } } }, async (request) => {
    // A key never saved reads as null (200, not 404: the grid asks for it at every first sign-in).
    const value = await findPreference(app.db, request.actor.id, request.params.key);
    return { key: request.params.key, value: value ?? null };
  });

  app.put('/api/preferences/:key', { schema: { tags, params: PreferenceParams, body: PreferenceBody, response: { 200: Ok, ...errorResponses } } }, async (request) => {
    const json = JSON.stringify(request.body.value ?? null);
    if (json.length > maxBytes) throw new AppError(400, 'VALIDATION_ERROR', 'Preference value is too large', 'value');
    await savePreference(app.db, request.actor.id, request.params.key, json);
    return { ok: true };
  });
}
