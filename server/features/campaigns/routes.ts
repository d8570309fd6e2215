import { Type } from 'typebox';
import type { App } from '../../appType';
import { errorResponses, IdParams, Ok } from '../../../shared/schemas/common';
import { Campaign, CampaignBody, CampaignMembersAdded, CampaignMembersBody, CampaignMembersRemoved } from '../../../shared/schemas/campaigns';
import { addCampaignMembers, removeCampaignMembers } from './members';
import { listCampaigns } from './repository';
import { createCampaign, deleteCampaign, renameCampaign } from './service';

const tags = ['campaigns'];

/** Chiến dịch: everyone lists them (pickers); managers and admins manage them; members follow the bulk access rules. */
export async function campaignRoutes(app: App): Promise<void> {
  app.get('/api/campaigns', { schema: { tags, response: { 200: Type.Array(Campaign), ...errorResponses } } },
    async (request) => listCampaigns(app.db, request.actor));

  app.post('/api/campaigns', { schema: { tags, body: CampaignBody, response: { 201: Campaign, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await app.db.transaction((trx) => createCampaign(trx, request.actor, request.body))));

  app.patch('/api/campaigns/:id', { schema: { tags, params: IdParams, body: CampaignBody, response: { 200: Campaign, ...errorResponses } } },
    async (request) => app.db.transaction((trx) => renameCampaign(trx, request.actor, request.params.id, request.body)));

  app.delete('/api/campaigns/:id', { schema: { tags, params: IdParams, response: { 200: Ok, ...errorResponses } } }, async (request) => {
    await app.db.transaction((trx) => deleteCampaign(trx, request.actor, request.params.id));
    return { ok: true };
  });

  app.post('/api/campaigns/:id/members', { schema: { tags, params: IdParams, body: CampaignMembersBody, response: { 200: CampaignMembersAdded, ...errorResponses } } },
    async (request) => app.db.transaction((trx) => addCampaignMembers(trx, request.actor, request.params.id, request.body)));

  app.post('/api/campaigns/:id/members/remove', { schema: { tags, params: IdParams, body: CampaignMembersBody, response: { 200: CampaignMembersRemoved, ...errorResponses } } },
    async (request) => app.db.transaction((trx) => removeCampaignMembers(trx, request.actor, request.params.id, request.body)));
}
