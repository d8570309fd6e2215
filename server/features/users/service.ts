import type { Knex } from 'knex';
import type { CreateUserBody, UpdateUserBody, User } from '../../../shared/schemas/users';
import type { Actor } from '../../access/actor';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../errors';
import { writeAudit } from '../audit/writeAudit';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { deleteUserSessions } from '../auth/sessions';
import { activeAdminExists, lockAdminChanges } from './adminGuard';
import { findUser } from './repository';

function checkPassword(password: string, username: string): void {
  if (password.toLowerCase() === username.toLowerCase()) {
    throw new AppError(400, 'PASSWORD_IS_USERNAME', 'The password must not be the username', 'password');
  }
}

async function checkDepartment(db: Knex, departmentId: number | null | undefined): Promise<void> {
  if (departmentId == null) return;
  const found = await db('departments').where({ id: departmentId }).first('id');
  if (!found) throw badRequest('Department does not exist', 'departmentId');
}

export async function createUser(db: Knex, actor: Actor, body: CreateUserBody): Promise<User> {
  checkPassword(body.password, body.username);
  await checkDepartment(db, body.departmentId);
  const passwordHash = await hashPassword(body.password);
  const id = await db.transaction(async (trx) => {
    const [row] = await trx('users').insert({
      username: body.username,
      password_hash: passwordHash,
      full_name: body.fullName.trim(),
      email: body.email ?? null,
      phone: body.phone ?? null,
      department_id: body.departmentId ?? null,
      role: body.role,
      active: body.active ?? true,
      locale: body.locale ?? 'vi',
    }, ['id']);
    await writeAudit(trx, actor.id, 'create', 'user', [row.id], { username: body.username, role: body.role });
    return row.id as number;
  });
  return (await findUser(db, id))!;
}

export async function updateUser(db: Knex, actor: Actor, id: number, body: UpdateUserBody, actorToken?: string): Promise<User> {
  const existing = await db('users').where({ id, is_system: false }).first('id', 'username', 'role', 'password_hash');
  if (!existing) throw notFound('User');
  // Besides admins, users may edit only their own name, contact details, language and password.
  if (actor.role !== 'admin' && (id !== actor.id || body.role !== undefined || body.departmentId !== undefined || body.active !== undefined)) {
    throw forbidden();
  }
  if (id === actor.id && (body.active === false || (body.role && body.role !== 'admin'))) {
    throw forbidden('You cannot disable yourself or remove your own admin role');
  }
  if (body.password !== undefined) checkPassword(body.password, existing.username);
  if (body.password !== undefined && id === actor.id && !(await verifyPassword(existing.password_hash, body.currentPassword ?? ''))) {
    throw new AppError(400, 'WRONG_CURRENT_PASSWORD', 'The current password is wrong', 'currentPassword');
  }
  await checkDepartment(db, body.departmentId);
  const changes: Record<string, unknown> = { updated_at: db.fn.now() };
  if (body.fullName !== undefined) changes.full_name = body.fullName.trim();
  if (body.email !== undefined) changes.email = body.email;
  if (body.phone !== undefined) changes.phone = body.phone;
  if (body.departmentId !== undefined) changes.department_id = body.departmentId;
  if (body.role !== undefined) changes.role = body.role;
  if (body.active !== undefined) changes.active = body.active;
  if (body.locale !== undefined) changes.locale = body.locale;
  if (body.password !== undefined) changes.password_hash = await hashPassword(body.password);
  await db.transaction(async (trx) => {
    if (body.active === false || (body.role !== undefined && body.role !== 'admin')) await refuseLastAdmin(trx, id);
    await trx('users').where({ id }).update(changes);
    // A new password or a disabled account ends the user's open sessions (but not the one changing it).
    if (body.password !== undefined || body.active === false) await deleteUserSessions(trx, id, id === actor.id ? actorToken : undefined);
    const { password: _password, currentPassword: _currentPassword, ...audited } = body;
    await writeAudit(trx, actor.id, 'update', 'user', [id], { ...audited, passwordChanged: body.password !== undefined });
  });
  return (await findUser(db, id))!;
}

/** Refuses to disable or demote `id` when it is the last active admin (serialised with the bootstrap and other such changes). */
async function refuseLastAdmin(trx: Knex.Transaction, id: number): Promise<void> {
  await lockAdminChanges(trx);
  const target = await trx('users').where({ id }).first('role', 'active');
  if (target?.role === 'admin' && target.active && !(await activeAdminExists(trx, id))) {
    throw conflict('LAST_ADMIN', 'The last active admin cannot be disabled or lose the admin role');
  }
}
