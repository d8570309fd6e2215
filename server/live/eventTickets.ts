import type { Knex } from 'knex';
import type { Actor } from '../access/actor';
import { issueTicket, redeemTicket } from '../features/auth/tickets';

/** Long enough to open a stream on a slow LAN, short enough that a logged URL is worthless. */
const ticketSeconds = 30;

/** A single-use ticket for the caller's session that opens GET /api/events. */
export async function issueEventTicket(db: Knex, sessionHash: string): Promise<{ ticket: string; expiresAt: string }> {
  return issueTicket(db, sessionHash, 'events', ticketSeconds);
}

/** The signed-in user and session behind an event ticket, or undefined (unknown, used, expired, ended, not for events). */
export async function redeemEventTicket(db: Knex, ticket: string): Promise<{ actor: Actor; sessionHash: string } | undefined> {
  const redeemed = await redeemTicket(db, ticket, 'events');
  return redeemed && { actor: redeemed.actor, sessionHash: redeemed.sessionHash };
}
