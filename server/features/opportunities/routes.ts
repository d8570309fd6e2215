import { Type } from 'typebox';
import type { App } from '../../appType';
import { errorResponses, IdParams, Ok, Paging } from '../../../shared/schemas/common';
import {
  CreateOpportunityBody, DeletedOpportunityPage, OpportunityDetail, OpportunityListQuery, OpportunityPage, OpportunityProductQuery,
  OpportunityProductRows, UpdateOpportunityBody,
} from '../../../shared/schemas/opportunities';
import { notFound } from '../../errors';
import { listPage } from '../../list/listEngine';
import { lostReasonRoutes } from '../lostReasons/routes';
import { reportRoutes } from '../reports/routes';
import { lookupOpportunityProducts } from './productLookup';
import { listOpportunities } from './opportunityList';
import { deletedOpportunityList, findVisibleOpportunity } from './repository';
import { createOpportunity, deleteOpportunity, restoreOpportunity, updateOpportunity } from './service';

const tags = ['opportunities'];

/**
 * Opportunities (S1–S3): CRUD with the recycle bin, the search, the product lookup. The lost
 * reasons and the dashboard reports (S5) register from here, so the app's route list stays as is.
 */
export async function opportunityRoutes(app: App): Promise<void> {
  await app.register(lostReasonRoutes);
  await app.register(reportRoutes);

  app.get('/api/opportunities', { schema: { tags, querystring: OpportunityListQuery, response: { 200: OpportunityPage, ...errorResponses } } },
    async (request) => listOpportunities(app.db, request.actor, request.query));

  app.post('/api/opportunities', { schema: { tags, body: CreateOpportunityBody, response: { 201: OpportunityDetail, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await createOpportunity(app.db, request.actor, request.body)));

  // Registered before /:id so that "products" is never read as an id.
  app.get('/api/opportunities/products', { schema: { tags, querystring: OpportunityProductQuery, response: { 200: OpportunityProductRows, ...errorResponses } } },
    async (request) => lookupOpportunityProducts(app.db, request.actor, request.query));

  app.get('/api/recycle-bin/opportunities', { schema: { tags, querystring: Type.Object(Paging), response: { 200: DeletedOpportunityPage, ...errorResponses } } },
    async (request) => listPage(app.db, request.actor, deletedOpportunityList, {}, { offset: request.query.offset, limit: request.query.limit }));

  app.get('/api/opportunities/:id', { schema: { tags, params: IdParams, response: { 200: OpportunityDetail, ...errorResponses } } }, async (request) => {
    const found = await findVisibleOpportunity(app.db, request.actor, request.params.id);
    if (!found) throw notFound('Opportunity');
    return found;
  });

  app.patch('/api/opportunities/:id', { schema: { tags, params: IdParams, body: UpdateOpportunityBody, response: { 200: OpportunityDetail, ...errorResponses } } },
    async (request) => updateOpportunity(app.db, request.actor, request.params.id, request.body));

  app.delete('/api/opportunities/:id', { schema: { tags, params: IdParams, response: { 200: Ok, ...errorResponses } } }, async (request) => {
    await deleteOpportunity(app.db, request.actor, request.params.id);
    return { ok: true };
  });

  app.post('/api/opportunities/:id/restore', { schema: { tags, params: IdParams, response: { 200: OpportunityDetail, ...errorResponses } } },
    async (request) => restoreOpportunity(app.db, request.actor, request.params.id));
}
