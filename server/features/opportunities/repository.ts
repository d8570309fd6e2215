import type { Knex } from 'knex';
import { followingStages } from '../../../shared/schemas/enums';
import type { Opportunity, OpportunityListQuery } from '../../../shared/schemas/opportunities';
import type { Actor } from '../../access/actor';
import { recordVisible } from '../../access/recordAccess';

type OpportunityRow = {
  id: number; number: string; name: string; customer_id: number; customer_name: string; owner_id: number; owner_name: string | null;
  stage: Opportunity['stage']; status: string | null; probability: number | null; expected_revenue: number | null;
  expected_date: string; start_date: string | null; lost_reason: string | null; version: number; created_at: Date; updated_at: Date;
};

/** Opportunities (alias `r`, customer `c`) the actor may see, neither they nor their customer deleted. */
function visibleOpportunities(db: Knex, actor: Actor): Knex.QueryBuilder {
  return db('opportunities as r')
    .join('customers as c', 'c.id', 'r.customer_id')
    .whereNull('r.deleted_at')
    .whereNull('c.deleted_at')
    .where(recordVisible(db, actor, 'opportunity', 'opportunities'));
}

function selectColumns(query: Knex.QueryBuilder): Knex.QueryBuilder {
  return query
    .leftJoin('users as o', 'o.id', 'r.owner_id')
    .leftJoin('lost_reasons as lr', 'lr.id', 'r.lost_reason_id')
    .select(
      'r.id', 'r.number', 'r.name', 'r.customer_id', 'c.name as customer_name', 'r.owner_id', 'o.full_name as owner_name',
      'r.stage', 'r.status', 'r.probability', 'r.expected_revenue', 'r.expected_date', 'r.start_date', 'lr.name as lost_reason',
      'r.version', 'r.created_at', 'r.updated_at',
    );
}

function toOpportunity(row: OpportunityRow): Opportunity {
  return {
    id: row.id, number: row.number, name: row.name, customerId: row.customer_id, customerName: row.customer_name,
    ownerId: row.owner_id, ownerName: row.owner_name, stage: row.stage, status: row.status, probability: row.probability,
    expectedRevenue: row.expected_revenue, expectedDate: row.expected_date, startDate: row.start_date, lostReason: row.lost_reason,
    version: row.version, createdAt: row.created_at.toISOString(), updatedAt: row.updated_at.toISOString(),
  };
}

/** A page of visible opportunities, newest first (by id: the primary key keeps deep pages cheap until the list engine sorts). */
export async function listOpportunities(db: Knex, actor: Actor, query: OpportunityListQuery): Promise<{ rows: Opportunity[]; total: number }> {
  const base = visibleOpportunities(db, actor).modify((q) => {
    if (query.customerId !== undefined) q.where('r.customer_id', query.customerId);
    if (query.ownerId !== undefined) q.where('r.owner_id', query.ownerId);
    if (query.stage === 'following') q.whereIn('r.stage', followingStages);
    else if (query.stage !== undefined) q.where('r.stage', query.stage);
  });
  const [{ n }] = await base.clone().count<{ n: number }[]>('* as n');
  const rows: OpportunityRow[] = await selectColumns(base)
    .orderBy('r.id', 'desc')
    .offset(query.offset ?? 0)
    .limit(query.limit ?? 100);
  return { rows: rows.map(toOpportunity), total: Number(n) };
}

export async function findVisibleOpportunity(db: Knex, actor: Actor, id: number): Promise<Opportunity | undefined> {
  const row: OpportunityRow | undefined = await selectColumns(visibleOpportunities(db, actor).where('r.id', id)).first();
  return row && toOpportunity(row);
}
