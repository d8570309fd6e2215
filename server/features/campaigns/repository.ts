import type { Knex } from 'knex';
import type { Campaign } from '../../../shared/schemas/campaigns';
import type { Actor } from '../../access/actor';
import { customerAccess } from '../../access/customerAccess';
import { managedBy } from '../../access/managedBy';
import { badRequest, forbidden, notFound } from '../../errors';

type CampaignRow = { id: number; name: string; owner_id: number | null; owner_name: string | null; member_count: number; can_manage: boolean; created_at: Date };

function toCampaign(row: CampaignRow): Campaign {
  return {
    id: row.id, name: row.name, ownerId: row.owner_id, ownerName: row.owner_name, memberCount: row.member_count,
    canManage: row.can_manage, createdAt: row.created_at.toISOString(),
  };
}

/** Live campaigns by name (Vietnamese order), each with the members the actor may open; everyone may list them (pickers). */
export async function listCampaigns(db: Knex, actor: Actor, id?: number): Promise<Campaign[]> {
  const readable = customerAccess(db, actor).readable();
  const rows: CampaignRow[] = await db('campaigns as x')
    .leftJoin('users as u', 'u.id', 'x.owner_id')
    .whereNull('x.deleted_at')
    .modify((q) => { if (id !== undefined) q.where('x.id', id); })
    .orderByRaw('x.name COLLATE "vi-VN-x-icu", x.id')
    .select(
      'x.id', 'x.name', 'x.owner_id', 'u.full_name as owner_name', 'x.created_at',
      db.raw(`(SELECT count(*)::int FROM campaign_members m JOIN customers c ON c.id = m.customer_id
                WHERE m.campaign_id = x.id AND c.deleted_at IS NULL AND ?) AS member_count`, [readable]),
      db.raw('? AS can_manage', [managedBy(db, actor, 'x.owner_id')]),
    );
  return rows.map(toCampaign);
}

/** Locks a live campaign the actor manages, for a change: 404 when there is none, 403 when it is not theirs to manage. */
export async function lockManagedCampaign(trx: Knex, actor: Actor, id: number): Promise<{ id: number; name: string }> {
  const row = await trx('campaigns as x').where('x.id', id).whereNull('x.deleted_at').forUpdate()
    .first('x.id', 'x.name', trx.raw('? AS can_manage', [managedBy(trx, actor, 'x.owner_id')]));
  if (!row) throw notFound('Campaign');
  if (!row.can_manage) throw forbidden('Only admins and the managers of its owner may change this campaign');
  return row;
}

/**
 * A live campaign members are added to, locked against deletion until the transaction ends.
 * `field` set: a missing campaign is a bad value of that request field (400), else 404.
 */
export async function lockLiveCampaign(trx: Knex, id: number, field?: string): Promise<void> {
  const row = await trx('campaigns').where({ id }).whereNull('deleted_at').forShare().first('id');
  if (row) return;
  if (field) throw badRequest('The campaign does not exist', field);
  throw notFound('Campaign');
}
