import type { Static } from 'typebox';
import type { Preference } from '../../shared/schemas/preferences';
import { ApiError } from './ApiError';
import { http } from './http';

/** Per-user UI state on the server; a key never saved reads as null. */
export const preferencesApi = {
  get: async (key: string): Promise<unknown> => {
    try {
      return (await http.get<Static<typeof Preference>>(`/api/preferences/${encodeURIComponent(key)}`)).value;
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  },
  put: (key: string, value: unknown) => http.put<Static<typeof Preference>>(`/api/preferences/${encodeURIComponent(key)}`, { value }),
};
