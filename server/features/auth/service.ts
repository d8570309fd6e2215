import type { Knex } from 'knex';
import type { LoginBody, LoginResult } from '../../../shared/schemas/auth';
import { AppError } from '../../errors';
import { findUser } from '../users/repository';
import { dummyHashPromise, verifyPassword } from './passwords';
import { createSession } from './sessions';

// Failed attempts allowed per username and per client address within the window.
const windowMinutes = 15;
const maxFailuresPerUsername = 5;
const maxFailuresPerAddress = 30;

async function recentFailures(db: Knex, username: string, ip: string): Promise<{ byUser: number; byAddress: number }> {
  const since = db.raw(`now() - interval '${windowMinutes} minutes'`);
  const row = await db('login_attempts')
    .where('at', '>', since)
    .andWhere('succeeded', false)
    .first(
      db.raw('count(*) FILTER (WHERE lower(username) = lower(?))::int AS by_user', [username]),
      db.raw('count(*) FILTER (WHERE ip = ?)::int AS by_address', [ip]),
    );
  return { byUser: row?.by_user ?? 0, byAddress: row?.by_address ?? 0 };
}

/** Checks the password (argon2id), rate-limits failures in Postgres (so every server process agrees). */
export async function login(db: Knex, body: LoginBody, ip: string, sessionHours: number): Promise<LoginResult> {
  const username = body.username.trim();
  const failures = await recentFailures(db, username, ip);
  if (failures.byUser >= maxFailuresPerUsername || failures.byAddress >= maxFailuresPerAddress) {
    throw new AppError(429, 'TOO_MANY_ATTEMPTS', `Too many failed sign-ins; try again in ${windowMinutes} minutes`);
  }
  const row = await db('users').whereRaw('lower(username) = lower(?)', [username]).first('id', 'password_hash', 'active');
  const valid = row ? await verifyPassword(row.password_hash, body.password) : await verifyPassword(await dummyHashPromise, body.password);
  const succeeded = Boolean(row && valid && row.active);
  await db('login_attempts').insert({ username, ip, succeeded });
  if (!succeeded) throw new AppError(401, 'INVALID_CREDENTIALS', 'Wrong username or password, or the account is disabled');
  const session = await createSession(db, row.id, sessionHours);
  const user = await findUser(db, row.id);
  return { token: session.token, expiresAt: session.expiresAt.toISOString(), user: user! };
}
