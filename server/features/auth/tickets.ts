import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { Actor } from '../../access/actor';
import { actorForTokenHash, hashToken } from './sessions';

/** What a ticket opens (`live_tickets.purpose`): a ticket for one never opens the other. */
export type TicketPurpose = 'events' | 'export';

export type Redeemed = { actor: Actor; sessionHash: string; subjectId: number | null };

/**
 * Short-lived single-use tickets for URLs that cannot carry the bearer header (EventSource, a
 * download link, the desktop shell's download): stored hashed in `live_tickets`, so any server
 * process redeems them, and tied to the session that asked, so signing out ends them. Expired
 * tickets are swept on the way.
 */
export async function issueTicket(db: Knex, sessionHash: string, purpose: TicketPurpose, seconds: number, subjectId?: number): Promise<{ ticket: string; expiresAt: string }> {
  const ticket = randomBytes(24).toString('base64url');
  const { rows } = await db.raw<{ rows: { expires_at: Date }[] }>(
    `WITH swept AS (DELETE FROM live_tickets WHERE expires_at < now())
     INSERT INTO live_tickets (ticket_hash, session_hash, expires_at, purpose, subject_id)
     VALUES (?, ?, now() + make_interval(secs => ?), ?, ?) RETURNING expires_at`,
    [hashToken(ticket), sessionHash, seconds, purpose, subjectId ?? null],
  );
  return { ticket, expiresAt: rows[0].expires_at.toISOString() };
}

/**
 * Uses a ticket up (whichever process issued it): the signed-in user and session behind it, or
 * undefined when it is unknown, used, expired, for another purpose, or its session has ended.
 * A ticket shown for the wrong purpose is used up too: it was leaked or misused either way.
 */
export async function redeemTicket(db: Knex, ticket: string, purpose: TicketPurpose): Promise<Redeemed | undefined> {
  const { rows } = await db.raw<{ rows: { session_hash: string; fresh: boolean; purpose: string; subject_id: number | null }[] }>(
    'DELETE FROM live_tickets WHERE ticket_hash = ? RETURNING session_hash, expires_at > now() AS fresh, purpose, subject_id',
    [hashToken(ticket)],
  );
  const redeemed = rows[0];
  if (!redeemed?.fresh || redeemed.purpose !== purpose) return undefined;
  const actor = await actorForTokenHash(db, redeemed.session_hash);
  return actor && { actor, sessionHash: redeemed.session_hash, subjectId: redeemed.subject_id };
}
