import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { writeAudit } from '../audit/writeAudit';
import { hashPassword } from '../auth/passwords';
import { deleteUserSessions } from '../auth/sessions';
import { activeAdminExists, lockAdminChanges } from './adminGuard';

export type AdminBootstrap = {
  /** A new user `admin` was created. */
  created: boolean;
  /** An existing `admin` (disabled, or not an admin) was made an active admin again; what it was before. */
  restored?: { role: string; active: boolean };
  /** The password of the created or restored `admin`, only when it was generated (print it once). */
  generatedPassword?: string;
};

/**
 * Makes sure the database has an active admin. When it has none, creates `admin` with
 * `givenPassword` (CRM_ADMIN_PASSWORD) or a random one, or, when a user `admin` exists but is
 * disabled or not an admin, restores it as an active admin with that password and ends its
 * sessions. Safe when several processes start at once on one database (advisory lock).
 * Answers `{ created: false }` when an active admin already existed.
 */
export async function bootstrapAdmin(db: Knex, givenPassword: string | undefined): Promise<AdminBootstrap> {
  if (await activeAdminExists(db)) return { created: false };
  const password = givenPassword ?? randomBytes(12).toString('base64url');
  const generatedPassword = givenPassword ? undefined : password;
  const passwordHash = await hashPassword(password);
  return db.transaction(async (trx): Promise<AdminBootstrap> => {
    await lockAdminChanges(trx);
    if (await activeAdminExists(trx)) return { created: false };
    const existing: { id: number; role: string; active: boolean } | undefined = await trx('users')
      .whereRaw('lower(username) = ?', ['admin']).first('id', 'role', 'active');
    if (!existing) {
      const [row] = await trx('users').insert({ username: 'admin', password_hash: passwordHash, full_name: 'Quản trị hệ thống', role: 'admin' }, ['id']);
      await writeAudit(trx, null, 'create', 'user', [row.id], { username: 'admin', role: 'admin', bootstrap: true });
      return { created: true, generatedPassword };
    }
    await trx('users').where({ id: existing.id }).update({ role: 'admin', active: true, password_hash: passwordHash, updated_at: trx.fn.now() });
    await deleteUserSessions(trx, existing.id);
    const restored = { role: existing.role, active: existing.active };
    await writeAudit(trx, null, 'restore_admin', 'user', [existing.id], { previousRole: existing.role, previousActive: existing.active, bootstrap: true });
    return { created: false, restored, generatedPassword };
  });
}

/** What the server start and `npm run seed` print about the bootstrap; undefined when nothing changed. */
export function adminBootstrapMessage(result: AdminBootstrap): string | undefined {
  const password = result.generatedPassword
    ? `the one-time password: ${result.generatedPassword}\nSign in and change it in Thiết lập > Người dùng. It is not shown again.`
    : 'the password from CRM_ADMIN_PASSWORD.';
  if (result.created) return `\nCreated user "admin" with ${password}\n`;
  if (result.restored) {
    const was = [result.restored.active ? undefined : 'disabled', result.restored.role === 'admin' ? undefined : `role ${result.restored.role}`]
      .filter(Boolean).join(', ');
    return `\nThe database had no active admin. Restored the existing user "admin" (was ${was}) as an active admin, `
      + `ended its sessions and set ${password}\n`;
  }
  return undefined;
}
