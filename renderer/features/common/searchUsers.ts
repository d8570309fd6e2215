import type { ComboboxOption } from '../../ui/Combobox';
import { usersApi } from '../../api/usersApi';

/** Whom a picker offers: the owners the signed-in user may assign, or any active user. */
export type UserScope = 'owner' | 'any';

/** A picked user: the id the API takes and the name the form shows. */
export type PickedUser = { id: number; fullName: string };

const pageSize = 20;

/** The first active users matching `text` (name or username, accents ignored), for a picker. */
export async function searchUsers(scope: UserScope, text: string): Promise<ComboboxOption[]> {
  const users = await usersApi.list({ active: true, search: text || undefined, limit: pageSize, assignable: scope === 'owner' ? 'owner' : undefined });
  return users.map((user) => ({ id: user.id, label: user.fullName, detail: user.departmentName ?? user.username }));
}
