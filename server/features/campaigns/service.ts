import type { Knex } from 'knex';
import type { Campaign, CampaignBody } from '../../../shared/schemas/campaigns';
import type { Actor } from '../../access/actor';
import { conflict, forbidden } from '../../errors';
import { writeAudit } from '../audit/writeAudit';
import { listCampaigns, lockManagedCampaign } from './repository';

function requireManager(actor: Actor): void {
  if (actor.role === 'staff') throw forbidden('Only managers and admins create campaigns');
}

/** A new campaign owned by its creator (a manager or an admin). */
export async function createCampaign(trx: Knex, actor: Actor, body: CampaignBody): Promise<Campaign> {
  requireManager(actor);
  const [row] = await trx('campaigns').insert({ name: body.name.trim(), owner_id: actor.id }, ['id']);
  await writeAudit(trx, actor.id, 'create', 'campaign', [row.id], { name: body.name.trim() });
  return (await listCampaigns(trx, actor, row.id))[0];
}

export async function renameCampaign(trx: Knex, actor: Actor, id: number, body: CampaignBody): Promise<Campaign> {
  const campaign = await lockManagedCampaign(trx, actor, id);
  await trx('campaigns').where({ id }).update({ name: body.name.trim() });
  await writeAudit(trx, actor.id, 'update', 'campaign', [id], { from: campaign.name, name: body.name.trim() });
  return (await listCampaigns(trx, actor, id))[0];
}

/**
 * To the recycle bin (deleted_at); its members stay recorded. Refused while a multi-assign rule
 * uses it: the rule would have nothing to run on.
 */
export async function deleteCampaign(trx: Knex, actor: Actor, id: number): Promise<void> {
  await lockManagedCampaign(trx, actor, id);
  const rule = await trx('multi_assign_rules').where({ campaign_id: id }).whereNull('deleted_at').first('name');
  if (rule) throw conflict('CAMPAIGN_IN_USE', `The multi-assign rule “${rule.name}” uses this campaign; delete the rule or give it another campaign first`);
  await trx('campaigns').where({ id }).update({ deleted_at: trx.fn.now() });
  await writeAudit(trx, actor.id, 'delete', 'campaign', [id]);
}
