import type { App } from '../../appType';
import { errorResponses, Ok } from '../../../shared/schemas/common';
import { LoginBody, LoginResult, Me } from '../../../shared/schemas/auth';
import { login } from './service';
import { actorForToken, deleteSession } from './sessions';
import { warmCustomerList } from '../customers/listCustomers';
import { findUser } from '../users/repository';

export async function authRoutes(app: App): Promise<void> {
  app.post('/api/auth/login', {
    config: { public: true },
    schema: { tags: ['auth'], security: [], body: LoginBody, response: { 200: LoginResult, 429: errorResponses[400], ...errorResponses } },
  }, async (request) => {
    const result = await login(app.db, request.body, request.ip, app.sessionHours);
    // In the background: the grid the user is about to open finds its positions ready.
    actorForToken(app.db, result.token)
      .then((actor) => (actor ? warmCustomerList(app.db, actor) : undefined))
      .catch((error: unknown) => request.log.debug({ err: error }, 'customer list warm-up failed'));
    return result;
  });

  app.post('/api/auth/logout', { schema: { tags: ['auth'], response: { 200: Ok, ...errorResponses } } }, async (request) => {
    await deleteSession(app.db, request.bearerToken);
    return { ok: true };
  });

  app.get('/api/auth/me', { schema: { tags: ['auth'], response: { 200: Me, ...errorResponses } } }, async (request) => {
    const user = await findUser(app.db, request.actor.id);
    return { user: user! };
  });
}

