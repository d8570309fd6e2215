import { Type } from 'typebox';
import type { App } from '../../appType';
import { errorResponses, IdParams, Ok } from '../../../shared/schemas/common';
import { CreateTierBody, CustomerTier, Tier, TierRecomputeResult, TierSettings, TierWriteResult, UpdateTierBody } from '../../../shared/schemas/tiers';
import { requireRole } from '../../plugins/auth';
import { customerTier } from './customerTier';
import { listTiers } from './repository';
import { readSettings } from '../settings/service';
import { createTier, deleteTier, recomputeAllTiers, updateTier, writeTierSettings } from './service';
import { tierSettings } from './tierSettings';

const tags = ['tiers'];
// Before the body is validated, so a non-admin hears 403 whatever they send.
const adminsOnly = { preValidation: async (request: Parameters<typeof requireRole>[0]) => requireRole(request, 'admin') };

/** C4 tiers: everyone reads the settings and the list (the pool rules and the grid's picker too); admins change them. */
export async function tierRoutes(app: App): Promise<void> {
  app.get('/api/tiers/settings', { schema: { tags, response: { 200: TierSettings, ...errorResponses } } },
    async () => readSettings(app.db, tierSettings));

  app.put('/api/tiers/settings', { ...adminsOnly, schema: { tags, body: TierSettings, response: { 200: TierSettings, ...errorResponses } } },
    async (request) => app.db.transaction((trx) => writeTierSettings(trx, request.actor, request.body)));

  app.get('/api/tiers', { schema: { tags, response: { 200: Type.Array(Tier), ...errorResponses } } },
    async (request) => listTiers(app.db, request.actor));

  app.post('/api/tiers', { ...adminsOnly, schema: { tags, body: CreateTierBody, response: { 201: TierWriteResult, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await app.db.transaction((trx) => createTier(trx, request.actor, request.body))));

  app.patch('/api/tiers/:id', { ...adminsOnly, schema: { tags, params: IdParams, body: UpdateTierBody, response: { 200: TierWriteResult, ...errorResponses } } },
    async (request) => app.db.transaction((trx) => updateTier(trx, request.actor, request.params.id, request.body)));

  app.delete('/api/tiers/:id', { ...adminsOnly, schema: { tags, params: IdParams, response: { 200: Ok, ...errorResponses } } }, async (request) => {
    await app.db.transaction((trx) => deleteTier(trx, request.actor, request.params.id));
    return { ok: true };
  });

  app.post('/api/tiers/recompute', { ...adminsOnly, schema: { tags, response: { 200: TierRecomputeResult, ...errorResponses } } },
    async (request) => app.db.transaction((trx) => recomputeAllTiers(trx, request.actor)));

  app.get('/api/customers/:id/tier', { schema: { tags, params: IdParams, response: { 200: CustomerTier, ...errorResponses } } },
    async (request) => customerTier(app.db, request.actor, request.params.id));
}
