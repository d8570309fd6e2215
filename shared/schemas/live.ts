import { Type } from 'typebox';

/** A short-lived, single-use ticket that opens one event stream (`GET /api/events?ticket=…`). */
export const EventTicket = Type.Object({ ticket: Type.String(), expiresAt: Type.String({ format: 'date-time' }) });
/** `ticket` is optional in the schema so that a stream opened without one is 401 (not signed in), like any other route. */
export const EventStreamQuery = Type.Object({ ticket: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) });

/**
 * What the stream announces (SSE `event:` names). They carry no data: a client refetches what it
 * shows under its own access. `ready` follows every (re)connect: after a reconnect, refetch all.
 */
/** `opportunities`: any write to opportunities, their lines or the lost reasons (migration 0024). */
export const liveTopics = ['customers', 'notifications', 'opportunities'] as const;
export type LiveTopic = (typeof liveTopics)[number];
