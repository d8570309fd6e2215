import type { Knex } from 'knex';
import type { CampaignMembersAdded, CampaignMembersBody, CampaignMembersRemoved } from '../../../shared/schemas/campaigns';
import type { Actor } from '../../access/actor';
import { writeAudit } from '../audit/writeAudit';
import { createSelectionTable, type SelectionTableName } from '../customers/selectionTable';
import { lockLiveCampaign } from './repository';

/**
 * Adds the customers of a selection table to a campaign in one statement and marks those that
 * were not members yet as changed; how many it added. The one way members are added (the
 * members endpoint and the mass update both use it).
 */
export async function addSelectionToCampaign(trx: Knex, campaignId: number, table: SelectionTableName): Promise<number> {
  const result = await trx.raw(
    `WITH added AS (
       INSERT INTO campaign_members (campaign_id, customer_id) SELECT ?, s.id FROM ${table} s
       ON CONFLICT DO NOTHING RETURNING customer_id)
     UPDATE ${table} s SET changed = true FROM added WHERE s.id = added.customer_id`,
    [campaignId],
  );
  return result.rowCount ?? 0;
}

const auditedIds = async (trx: Knex, table: SelectionTableName, count: number) =>
  count <= 1000 ? (await trx(table).where({ changed: true }).select('id')).map((row) => row.id as number) : [];

/** `POST /api/campaigns/:id/members`: customers the actor may edit (ids all or nothing, or a filter). */
export async function addCampaignMembers(trx: Knex, actor: Actor, campaignId: number, body: CampaignMembersBody): Promise<CampaignMembersAdded> {
  await lockLiveCampaign(trx, campaignId);
  const { matched } = await createSelectionTable(trx, actor, body, 'campaign_selection');
  const added = await addSelectionToCampaign(trx, campaignId, 'campaign_selection');
  await writeAudit(trx, actor.id, 'campaign_add', 'customer', await auditedIds(trx, 'campaign_selection', added), { campaignId, added, filter: body.filter ?? null });
  return { added, alreadyMembers: matched - added };
}

/** `POST /api/campaigns/:id/members/remove`: takes the selected customers (that the actor may edit) out of the campaign. */
export async function removeCampaignMembers(trx: Knex, actor: Actor, campaignId: number, body: CampaignMembersBody): Promise<CampaignMembersRemoved> {
  await lockLiveCampaign(trx, campaignId);
  const { matched } = await createSelectionTable(trx, actor, body, 'campaign_selection');
  const result = await trx.raw(
    `WITH removed AS (
       DELETE FROM campaign_members m USING campaign_selection s WHERE m.campaign_id = ? AND m.customer_id = s.id RETURNING m.customer_id)
     UPDATE campaign_selection s SET changed = true FROM removed WHERE s.id = removed.customer_id`,
    [campaignId],
  );
  const removed = result.rowCount ?? 0;
  await writeAudit(trx, actor.id, 'campaign_remove', 'customer', await auditedIds(trx, 'campaign_selection', removed), { campaignId, removed, filter: body.filter ?? null });
  return { removed, notMembers: matched - removed };
}
