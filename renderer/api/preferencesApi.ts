import type { Static } from 'typebox';
import type { Ok } from '../../shared/schemas/common';
import type { Preference } from '../../shared/schemas/preferences';
import { http } from './http';

/** Per-user UI state on the server; a key never saved reads as null. */
export const preferencesApi = {
  get: async (key: string): Promise<unknown> => (await http.get<Static<typeof Preference>>(`/api/preferences/${encodeURIComponent(key)}`)).value,
  put: (key: string, value: unknown) => http.put<Static<typeof Ok>>(`/api/preferences/${encodeURIComponent(key)}`, { value }),
};
