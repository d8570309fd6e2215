import type { Knex } from 'knex';
import type { LoginBody, LoginResult } from '../../../shared/schemas/auth';
import { AppError } from '../../errors';
import { findUser } from '../users/repository';
import { dummyHashPromise, verifyPassword } from './passwords';
import { createSession } from './sessions';

// Failed sign-ins allowed within the window: from one address for one username (failures since
// its last success), for one username from anywhere, and from one address for any username.
const windowMinutes = 5;
const limits = { userFromAddress: 10, user: 50, address: 100 };

async function tooManyFailures(db: Knex, username: string, ip: string): Promise<boolean> {
  const row = await db('login_attempts as a')
    .where('a.at', '>', db.raw(`now() - interval '${windowMinutes} minutes'`))
    .andWhere('a.succeeded', false)
    .first(
      db.raw(`count(*) FILTER (WHERE lower(a.username) = lower(?) AND a.ip = ? AND a.at > coalesce(
        (SELECT max(s.at) FROM login_attempts s WHERE lower(s.username) = lower(?) AND s.ip = ? AND s.succeeded), '-infinity'))::int AS user_from_address`,
      [username, ip, username, ip]),
      db.raw('count(*) FILTER (WHERE lower(a.username) = lower(?))::int AS by_user', [username]),
      db.raw('count(*) FILTER (WHERE a.ip = ?)::int AS by_address', [ip]),
    );
  return (row?.user_from_address ?? 0) >= limits.userFromAddress || (row?.by_user ?? 0) >= limits.user || (row?.by_address ?? 0) >= limits.address;
}

/** Checks the password (argon2id), rate-limits failures in Postgres (so every server process agrees). */
export async function login(db: Knex, body: LoginBody, ip: string, sessionHours: number): Promise<LoginResult> {
  const username = body.username.trim();
  if (await tooManyFailures(db, username, ip)) {
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
