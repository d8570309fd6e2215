import { createHash, randomBytes } from 'node:crypto';
import { prepared } from '../../db/prepared';
import type { Knex } from 'knex';
import type { Actor } from '../../access/actor';

/** The key a session is stored under (and, from tickets, referred to by). */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Sessions that still sign someone in: not expired, and the user is active. */
const liveSessions = (db: Knex) => db('sessions as s').join('users as u', 'u.id', 's.user_id').where('s.expires_at', '>', db.fn.now()).andWhere('u.active', true);

/** Issues a bearer token; only its SHA-256 is stored, so a database leak reveals no live token. */
export async function createSession(db: Knex, userId: number, hours: number): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + hours * 3600_000);
  await db('sessions').insert({ token_hash: hashToken(token), user_id: userId, expires_at: expiresAt });
  return { token, expiresAt };
}

export async function deleteSession(db: Knex, token: string): Promise<void> {
  await db('sessions').where({ token_hash: hashToken(token) }).delete();
}

/** Ends the user's sessions, except the one holding `keepToken` (the caller's own, when given). */
export async function deleteUserSessions(db: Knex, userId: number, keepToken?: string): Promise<void> {
  await db('sessions').where({ user_id: userId }).modify((q) => { if (keepToken) q.whereNot('token_hash', hashToken(keepToken)); }).delete();
}

/** The active user behind a live token, or undefined. */
export async function actorForToken(db: Knex, token: string): Promise<Actor | undefined> {
  return actorForTokenHash(db, hashToken(token));
}

/** The active user behind a live session, named by its stored hash (an event stream's ticket keeps it). */
export async function actorForTokenHash(db: Knex, tokenHash: string): Promise<Actor | undefined> {
  // Every request asks this: prepared once per connection.
  const row = await prepared(liveSessions(db)
    .leftJoin('departments as d', 'd.id', 'u.department_id')
    .where('s.token_hash', tokenHash)
    .first('u.id', 'u.username', 'u.full_name', 'u.role', 'u.department_id', 'd.path'));
  if (!row) return undefined;
  return { id: row.id, username: row.username, fullName: row.full_name, role: row.role, departmentId: row.department_id, departmentPath: row.path ?? null };
}

/** Which of these session hashes still sign someone in (one query for every open event stream). */
export async function liveSessionHashes(db: Knex, tokenHashes: string[]): Promise<Set<string>> {
  if (tokenHashes.length === 0) return new Set();
  const rows: { token_hash: string }[] = await liveSessions(db).whereIn('s.token_hash', tokenHashes).select('s.token_hash');
  return new Set(rows.map((row) => row.token_hash));
}
