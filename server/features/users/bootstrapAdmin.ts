import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { hashPassword } from '../auth/passwords';

/**
 * On an empty database, creates `admin`. Returns the password only when it was generated
 * (so the caller prints it once); undefined when users already existed or the password was given.
 */
export async function bootstrapAdmin(db: Knex, givenPassword: string | undefined): Promise<{ created: boolean; generatedPassword?: string }> {
  const existing = await db('users').first('id');
  if (existing) return { created: false };
  const password = givenPassword ?? randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(password);
  const inserted = await db.raw(
    `INSERT INTO users (username, password_hash, full_name, role)
     SELECT 'admin', ?, 'Quản trị hệ thống', 'admin' WHERE NOT EXISTS (SELECT 1 FROM users) RETURNING id`,
    [passwordHash],
  );
  if (inserted.rowCount === 0) return { created: false };
  return { created: true, generatedPassword: givenPassword ? undefined : password };
}
