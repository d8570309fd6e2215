import type { App } from '../../appType';
import { errorResponses, IdParams } from '../../../shared/schemas/common';
import { Opportunity, OpportunityListQuery, OpportunityPage } from '../../../shared/schemas/opportunities';
import { notFound } from '../../errors';
import { findVisibleOpportunity, listOpportunities } from './repository';

const tags = ['opportunities'];

/** Opportunities (S1), read side: the visible ones of a customer, an owner or a stage; one by id. */
export async function opportunityRoutes(app: App): Promise<void> {
  app.get('/api/opportunities', { schema: { tags, querystring: OpportunityListQuery, response: { 200: OpportunityPage, ...errorResponses } } },
    async (request) => listOpportunities(app.db, request.actor, request.query));

  app.get('/api/opportunities/:id', { schema: { tags, params: IdParams, response: { 200: Opportunity, ...errorResponses } } }, async (request) => {
    const found = await findVisibleOpportunity(app.db, request.actor, request.params.id);
    if (!found) throw notFound('Opportunity');
    return found;
  });
}
