import { Type } from 'typebox';
import type { App } from '../../appType';
import { errorResponses, IdParams, Ok } from '../../../shared/schemas/common';
import { CreateDepartmentBody, Department, UpdateDepartmentBody } from '../../../shared/schemas/departments';
import { requireRole } from '../../plugins/auth';
import { listDepartments } from './repository';
import { createDepartment, deleteDepartment, updateDepartment } from './service';

export async function departmentRoutes(app: App): Promise<void> {
  app.get('/api/departments', { schema: { tags: ['departments'], response: { 200: Type.Array(Department), ...errorResponses } } },
    async () => listDepartments(app.db));

  app.post('/api/departments', { schema: { tags: ['departments'], body: CreateDepartmentBody, response: { 201: Department, ...errorResponses } } }, async (request, reply) => {
    requireRole(request, 'admin');
    return reply.status(201).send(await createDepartment(app.db, request.actor, request.body));
  });

  app.patch('/api/departments/:id', { schema: { tags: ['departments'], params: IdParams, body: UpdateDepartmentBody, response: { 200: Department, ...errorResponses } } }, async (request) => {
    requireRole(request, 'admin');
    return updateDepartment(app.db, request.actor, request.params.id, request.body);
  });

  app.delete('/api/departments/:id', { schema: { tags: ['departments'], params: IdParams, response: { 200: Ok, ...errorResponses } } }, async (request) => {
    requireRole(request, 'admin');
    await deleteDepartment(app.db, request.actor, request.params.id);
    return { ok: true };
  });
}
