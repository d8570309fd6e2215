import type { Readable } from 'node:stream';
import { Type } from 'typebox';
import type { App } from '../appType';
import { errorResponses } from '../../shared/schemas/common';
import { EventStreamQuery, EventTicket } from '../../shared/schemas/live';
import { hashToken } from '../features/auth/sessions';
import { unauthorized } from '../errors';
import { issueEventTicket, redeemEventTicket } from './eventTickets';
import { LiveListener } from './LiveListener';
import { LiveStreams } from './LiveStreams';

export type LiveOptions = {
  /** How often streams get a heartbeat comment and their sessions are re-checked. */
  heartbeatMs?: number;
};

const tags = ['live'];
/** Documented as text; the handler answers with the stream itself (Fastify pipes it). */
const eventStream = Type.Unsafe<Readable>({ type: 'string' });

const streamDescription = `Server-sent events (text/event-stream) about changes anyone made, in any server process.
Events carry no data (\`data: {}\`): \`customers\` (any customer, share, group, owner… changed: refetch what you show),
\`notifications\` (the caller's notifications changed: refetch the bell), \`ready\` (connected: after a reconnect,
refetch everything), \`end\` (the session ended or the user was disabled). A comment line every heartbeat.
Authenticated by a ticket from POST /api/events/ticket (single use, 30 s), not the bearer token.`;

/**
 * Live updates: Postgres announces changes on one channel (migration 0012), this process's one
 * LISTEN connection hears them and fans them out to its open event streams.
 */
export async function liveRoutes(app: App, options: LiveOptions): Promise<void> {
  const listener: LiveListener = new LiveListener({
    db: app.db,
    log: app.log,
    onEvent: (event) => streams.publish(event),
    onReconnected: () => streams.resync(),
  });
  const streams: LiveStreams = new LiveStreams({ db: app.db, log: app.log, heartbeatMs: options.heartbeatMs ?? 20_000, onHeartbeat: () => listener.check() });
  // Streams end before the server closes (it waits for open responses); the listener after.
  app.addHook('preClose', () => streams.closeAll());
  app.addHook('onClose', () => listener.stop());

  app.post('/api/events/ticket', { schema: { tags, description: 'A ticket for GET /api/events: single use, valid 30 s.', response: { 200: EventTicket, ...errorResponses } } }, async (request) => {
    return issueEventTicket(app.db, hashToken(request.bearerToken));
  });

  app.get('/api/events', {
    config: { public: true },
    schema: {
      tags,
      description: streamDescription,
      security: [],
      querystring: EventStreamQuery,
      response: { 200: { description: 'The event stream', content: { 'text/event-stream': { schema: eventStream } } }, 400: errorResponses[400], 401: errorResponses[401] },
    },
  }, async (request, reply) => {
    if (!request.query.ticket) throw unauthorized('An event ticket is required (POST /api/events/ticket)');
    const redeemed = await redeemEventTicket(app.db, request.query.ticket);
    if (!redeemed) throw unauthorized('The event ticket is unknown, used or expired');
    // Listening before the first `ready`, so nothing committed after it is missed.
    await listener.start();
    const body = streams.open(redeemed.actor, redeemed.sessionHash);
    return reply
      .header('Content-Type', 'text/event-stream; charset=utf-8')
      .header('Cache-Control', 'no-store')
      .header('X-Accel-Buffering', 'no')
      // The socket closes with the stream, so a shutdown never waits on an idle keep-alive.
      .header('Connection', 'close')
      .send(body);
  });
}
