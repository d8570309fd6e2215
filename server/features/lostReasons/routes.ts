import { Type } from 'typebox';
import type { App } from '../../appType';
import { errorResponses, IdParams, Ok } from '../../../shared/schemas/common';
import { LostReason, LostReasonBody } from '../../../shared/schemas/opportunities';
import { requireRole } from '../../plugins/auth';
import { createCatalogItem, deleteCatalogItem, listCatalog, updateCatalogItem } from '../classification/service';
import { lostReasonsCatalog } from './catalog';

const tags = ['lost-reasons'];

/**
 * Lost reasons: everyone reads them (the form's picker), managers and admins maintain them, as
 * customer types. Renaming renames the reason of its opportunities (they point at the row).
 * Deleting takes it out of the list for new choices but keeps it on the opportunities already
 * lost for it: what was recorded stays true and past reports do not change. Nothing is refused.
 */
export async function lostReasonRoutes(app: App): Promise<void> {
  app.get('/api/lost-reasons', { schema: { tags, response: { 200: Type.Array(LostReason), ...errorResponses } } },
    async () => listCatalog(app.db, lostReasonsCatalog));

  app.post('/api/lost-reasons', { schema: { tags, body: LostReasonBody, response: { 201: LostReason, ...errorResponses } } }, async (request, reply) => {
    requireRole(request, 'admin', 'manager');
    return reply.status(201).send(await createCatalogItem(app.db, request.actor, lostReasonsCatalog, request.body));
  });

  app.patch('/api/lost-reasons/:id', { schema: { tags, params: IdParams, body: LostReasonBody, response: { 200: LostReason, ...errorResponses } } }, async (request) => {
    requireRole(request, 'admin', 'manager');
    return updateCatalogItem(app.db, request.actor, lostReasonsCatalog, request.params.id, request.body);
  });

  app.delete('/api/lost-reasons/:id', { schema: { tags, params: IdParams, response: { 200: Ok, ...errorResponses } } }, async (request) => {
    requireRole(request, 'admin', 'manager');
    await deleteCatalogItem(app.db, request.actor, lostReasonsCatalog, request.params.id, async () => undefined);
    return { ok: true };
  });
}
