import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../access/actor';
import { forbidden, unauthorized } from '../errors';
import { actorForToken } from '../features/auth/sessions';
import type { Role } from '../../shared/schemas/enums';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    bearerToken: string;
  }
}

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+([A-Za-z0-9_-]{20,200})\s*$/i.exec(header) : null;
  return match?.[1];
}

/** Every route needs a signed-in, active user unless its config says `public: true`. */
export async function registerAuth(app: FastifyInstance): Promise<void> {
  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateRequest('bearerToken', '');
  app.addHook('onRequest', async (request) => {
    // The matched route, not the raw URL: the router decodes the path, so /%61pi/users is /api/users.
    const route = request.routeOptions.url ?? '';
    if (request.is404 || request.routeOptions.config?.public || !route.startsWith('/api/')) return;
    const token = bearerToken(request);
    const actor = token ? await actorForToken(app.db, token) : undefined;
    if (!actor || !token) throw unauthorized();
    request.actor = actor;
    request.bearerToken = token;
  });
}

/** Throws 403 unless the signed-in user has one of `roles`. */
export function requireRole(request: FastifyRequest, ...roles: Role[]): void {
  if (!roles.includes(request.actor.role)) throw forbidden();
}
