import { Type } from 'typebox';
import type { App } from '../../appType';
import { errorResponses, IdParams, Ok } from '../../../shared/schemas/common';
import {
  CareStatus, CareStatusBody, DeleteCareStatusResult, CustomerGroup, CustomerGroupBody, CustomerType, CustomerTypeBody, DeleteCustomerTypeQuery, DeleteCustomerTypeResult,
  UpdateCustomerGroupBody, UpdateCustomerTypeBody,
} from '../../../shared/schemas/classification';
import { requireRole } from '../../plugins/auth';
import {
  careStatusesCatalog, deleteCareStatus, updateCareStatus, createCatalogItem, customerGroupsCatalog, customerTypesCatalog, deleteCustomerGroup, deleteCustomerType, listCatalog, updateCatalogItem,
} from './service';

/** C2 customer types, C3 customer groups and the care status list. Managers and admins maintain them; everyone reads them. */
export async function classificationRoutes(app: App): Promise<void> {
  app.get('/api/customer-types', { schema: { tags: ['customer-types'], response: { 200: Type.Array(CustomerType), ...errorResponses } } },
    async () => listCatalog(app.db, customerTypesCatalog));

  app.post('/api/customer-types', { schema: { tags: ['customer-types'], body: CustomerTypeBody, response: { 201: CustomerType, ...errorResponses } } }, async (request, reply) => {
    requireRole(request, 'admin', 'manager');
    return reply.status(201).send(await createCatalogItem(app.db, request.actor, customerTypesCatalog, request.body));
  });

  app.patch('/api/customer-types/:id', { schema: { tags: ['customer-types'], params: IdParams, body: UpdateCustomerTypeBody, response: { 200: CustomerType, ...errorResponses } } }, async (request) => {
    requireRole(request, 'admin', 'manager');
    return updateCatalogItem(app.db, request.actor, customerTypesCatalog, request.params.id, request.body);
  });

  // Deleting a type touches customers of every owner, so it is an admin's decision.
  app.delete('/api/customer-types/:id', {
    schema: { tags: ['customer-types'], params: IdParams, querystring: DeleteCustomerTypeQuery, response: { 200: DeleteCustomerTypeResult, ...errorResponses } },
  }, async (request) => {
    requireRole(request, 'admin');
    return deleteCustomerType(app.db, request.actor, request.params.id, request.query.customers);
  });

  app.get('/api/customer-groups', { schema: { tags: ['customer-groups'], response: { 200: Type.Array(CustomerGroup), ...errorResponses } } },
    async () => listCatalog(app.db, customerGroupsCatalog));

  app.post('/api/customer-groups', { schema: { tags: ['customer-groups'], body: CustomerGroupBody, response: { 201: CustomerGroup, ...errorResponses } } }, async (request, reply) => {
    requireRole(request, 'admin', 'manager');
    return reply.status(201).send(await createCatalogItem(app.db, request.actor, customerGroupsCatalog, request.body));
  });

  app.patch('/api/customer-groups/:id', { schema: { tags: ['customer-groups'], params: IdParams, body: UpdateCustomerGroupBody, response: { 200: CustomerGroup, ...errorResponses } } }, async (request) => {
    requireRole(request, 'admin', 'manager');
    return updateCatalogItem(app.db, request.actor, customerGroupsCatalog, request.params.id, request.body);
  });

  app.delete('/api/customer-groups/:id', { schema: { tags: ['customer-groups'], params: IdParams, response: { 200: Ok, ...errorResponses } } }, async (request) => {
    requireRole(request, 'admin');
    await deleteCustomerGroup(app.db, request.actor, request.params.id);
    return { ok: true };
  });

  app.get('/api/care-statuses', { schema: { tags: ['care-statuses'], response: { 200: Type.Array(CareStatus), ...errorResponses } } },
    async () => listCatalog(app.db, careStatusesCatalog));

  app.post('/api/care-statuses', { schema: { tags: ['care-statuses'], body: CareStatusBody, response: { 201: CareStatus, ...errorResponses } } }, async (request, reply) => {
    requireRole(request, 'admin', 'manager');
    return reply.status(201).send(await createCatalogItem(app.db, request.actor, careStatusesCatalog, request.body));
  });

  app.patch('/api/care-statuses/:id', { schema: { tags: ['care-statuses'], params: IdParams, body: CareStatusBody, response: { 200: CareStatus, ...errorResponses } } }, async (request) => {
    requireRole(request, 'admin', 'manager');
    return updateCareStatus(app.db, request.actor, request.params.id, request.body);
  });

  // Clearing a status touches customers of every owner, so it is an admin's decision.
  app.delete('/api/care-statuses/:id', { schema: { tags: ['care-statuses'], params: IdParams, response: { 200: DeleteCareStatusResult, ...errorResponses } } }, async (request) => {
    requireRole(request, 'admin');
    return deleteCareStatus(app.db, request.actor, request.params.id);
  });
}
