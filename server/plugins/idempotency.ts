import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, badRequest } from '../errors';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set when this request holds an Idempotency-Key: its answer is kept for a retry. */
    idempotencyKey: string | null;
  }
}

/** How long a key's first answer is kept (SPEC: 24 h). */
const keepHours = 24;
/**
 * A request that started but never answered (its process died) blocks its key this long; after
 * that a retry runs again. Its transaction either committed or rolled back long before.
 */
const abandonedAfterMinutes = 10;
const keyPattern = /^[\x21-\x7e]{1,200}$/;

function requestHash(request: FastifyRequest): string {
  return createHash('sha256').update(`${request.method} ${request.routeOptions.url} ${request.url} ${JSON.stringify(request.body ?? null)}`).digest('hex');
}

/**
 * `Idempotency-Key` on any signed-in POST: a retry by the same user with the same key within 24 h
 * answers the first (successful) answer again and runs nothing. A failed first attempt changed
 * nothing (every mutation is one transaction), so its key is released for the retry.
 */
export async function registerIdempotency(app: FastifyInstance): Promise<void> {
  app.decorateRequest('idempotencyKey', null);

  app.addHook('preHandler', async (request, reply) => {
    const header = request.headers['idempotency-key'];
    if (request.method !== 'POST' || header === undefined || !request.actor) return;
    const key = Array.isArray(header) ? header[0] : header;
    if (!keyPattern.test(key)) throw badRequest('Idempotency-Key must be 1–200 visible ASCII characters', 'Idempotency-Key');
    const hash = requestHash(request);
    const userId = request.actor.id;
    const claimed = await app.db.raw<{ rows: unknown[] }>(
      `INSERT INTO idempotency_keys (user_id, key, request_hash) VALUES (?, ?, ?)
       ON CONFLICT (user_id, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, status_code = NULL, response = NULL, created_at = now()
         WHERE idempotency_keys.created_at < now() - make_interval(hours => ?)
            OR (idempotency_keys.status_code IS NULL AND idempotency_keys.created_at < now() - make_interval(mins => ?))
       RETURNING 1`,
      [userId, key, hash, keepHours, abandonedAfterMinutes],
    );
    if (claimed.rows.length) {
      request.idempotencyKey = key;
      return;
    }
    const first = await app.db('idempotency_keys').where({ user_id: userId, key }).first('request_hash', 'status_code', 'response');
    if (!first) throw new AppError(409, 'IDEMPOTENCY_IN_PROGRESS', 'A request with this Idempotency-Key is being processed; retry shortly');
    if (first.request_hash !== hash) throw new AppError(409, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for a different request');
    if (first.status_code === null) throw new AppError(409, 'IDEMPOTENCY_IN_PROGRESS', 'A request with this Idempotency-Key is being processed; retry shortly');
    reply.header('Idempotent-Replayed', 'true');
    return reply.status(first.status_code).send(first.response);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const key = request.idempotencyKey;
    if (!key) return payload;
    request.idempotencyKey = null;
    const where = { user_id: request.actor.id, key };
    if (reply.statusCode < 300 && typeof payload === 'string') {
      await app.db('idempotency_keys').where(where).update({ status_code: reply.statusCode, response: payload });
    } else {
      await app.db('idempotency_keys').where(where).delete();
    }
    return payload;
  });
}
