import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { Actor } from '../access/actor';
import { actorForTokenHash, hashToken } from '../features/auth/sessions';

/** Long enough to open a stream on a slow LAN, short enough that a logged URL is worthless. */
const ticketSeconds = 30;

/** A single-use ticket for the caller's session; expired tickets are swept on the way. */
export async function issueEventTicket(db: Knex, sessionHash: string): Promise<{ ticket: string; expiresAt: string }> {
  const ticket = randomBytes(24).toString('base64url');
  const { rows } = await db.raw<{ rows: { expires_at: Date }[] }>(
    `WITH swept AS (DELETE FROM live_tickets WHERE expires_at < now())
     INSERT INTO live_tickets (ticket_hash, session_hash, expires_at) VALUES (?, ?, now() + make_interval(secs => ?)) RETURNING expires_at`,
    [hashToken(ticket), sessionHash, ticketSeconds],
  );
  return { ticket, expiresAt: rows[0].expires_at.toISOString() };
}

/**
 * Uses a ticket up (whichever process issued it: they share the table): the signed-in user and
 * session behind it, or undefined when it is unknown, used, expired, or its session has ended.
 */
export async function redeemEventTicket(db: Knex, ticket: string): Promise<{ actor: Actor; sessionHash: string } | undefined> {
  const { rows } = await db.raw<{ rows: { session_hash: string; fresh: boolean }[] }>(
    'DELETE FROM live_tickets WHERE ticket_hash = ? RETURNING session_hash, expires_at > now() AS fresh',
    [hashToken(ticket)],
  );
  const redeemed = rows[0];
  if (!redeemed?.fresh) return undefined;
  const actor = await actorForTokenHash(db, redeemed.session_hash);
  return actor && { actor, sessionHash: redeemed.session_hash };
}
