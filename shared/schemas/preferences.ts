import { Type } from 'typebox';

/** Per-user UI state, e.g. the customer grid's column state. */
export const PreferenceParams = Type.Object({ key: Type.String({ minLength: 1, maxLength: 80, pattern: '^[a-zA-Z0-9._-]+$' }) });
export const PreferenceBody = Type.Object({ value: Type.Unknown() });
export const Preference = Type.Object({ key: Type.String(), value: Type.Unknown() });
