import { Type } from 'typebox';
import type { App } from '../../appType';
import { errorResponses, IdParams } from '../../../shared/schemas/common';
import { CreateUserBody, UpdateUserBody, User, UserListQuery } from '../../../shared/schemas/users';
import { notFound } from '../../errors';
import { requireRole } from '../../plugins/auth';
import { findUser, listUsers } from './repository';
import { createUser, updateUser } from './service';

export async function userRoutes(app: App): Promise<void> {
  // Every signed-in user may list users: owner pickers and recipient pickers need them.
  app.get('/api/users', { schema: { tags: ['users'], querystring: UserListQuery, response: { 200: Type.Array(User), ...errorResponses } } },
    async (request) => listUsers(app.db, request.actor, request.query));

  app.get('/api/users/:id', { schema: { tags: ['users'], params: IdParams, response: { 200: User, ...errorResponses } } }, async (request) => {
    const user = await findUser(app.db, request.params.id);
    if (!user) throw notFound('User');
    return user;
  });

  app.post('/api/users', { schema: { tags: ['users'], body: CreateUserBody, response: { 201: User, ...errorResponses } } }, async (request, reply) => {
    requireRole(request, 'admin');
    return reply.status(201).send(await createUser(app.db, request.actor, request.body));
  });

  app.patch('/api/users/:id', { schema: { tags: ['users'], params: IdParams, body: UpdateUserBody, response: { 200: User, ...errorResponses } } }, async (request) => {
    return updateUser(app.db, request.actor, request.params.id, request.body, request.bearerToken);
  });
}
