import type { Knex } from 'knex';
import { prepared } from '../../db/prepared';
import type {
  DeletedOpportunity, Opportunity, OpportunityDetail, OpportunityLine,
} from '../../../shared/schemas/opportunities';
import type { Actor } from '../../access/actor';
import { ownedRecordEditable, recordVisible } from '../../access/recordAccess';
import { inIdOrder, type ListSource } from '../../list/listEngine';
import { versionChange } from '../audit/versionChange';

type OpportunityRow = {
  id: number; number: string; name: string; customer_id: number; customer_name: string; owner_id: number; owner_name: string | null;
  stage: Opportunity['stage']; source: string | null; type: string | null; status: string | null; probability: number | null;
  expected_revenue: number | null; expected_date: string; start_date: string | null; lost_reason: string | null; lost_at: Date | null;
  total: number; created_by: number | null; created_by_name: string | null; editable: boolean; version: number; created_at: Date; updated_at: Date;
};

/** Opportunities (alias `r`, customer `c`) the actor may see, their customer not deleted; `deleted` picks the recycle bin. */
export function visibleOpportunities(db: Knex, actor: Actor, deleted = false): Knex.QueryBuilder {
  return db('opportunities as r')
    .join('customers as c', 'c.id', 'r.customer_id')
    .modify((q) => (deleted ? q.whereNotNull('r.deleted_at') : q.whereNull('r.deleted_at')))
    .whereNull('c.deleted_at')
    .where(recordVisible(db, actor, 'opportunity', 'opportunities'));
}

const totalSql = '(SELECT coalesce(sum(l.quantity * l.price), 0) FROM opportunity_lines l WHERE l.opportunity_id = r.id)';

export function selectOpportunityColumns(db: Knex, actor: Actor, query: Knex.QueryBuilder): Knex.QueryBuilder {
  return query
    .leftJoin('users as o', 'o.id', 'r.owner_id')
    .leftJoin('users as cb', 'cb.id', 'r.created_by')
    .leftJoin('lost_reasons as lr', 'lr.id', 'r.lost_reason_id')
    .select(
      'r.id', 'r.number', 'r.name', 'r.customer_id', 'c.name as customer_name', 'r.owner_id', 'o.full_name as owner_name',
      'r.stage', 'r.source', 'r.type', 'r.status', 'r.probability', 'r.expected_revenue', 'r.expected_date', 'r.start_date',
      'lr.name as lost_reason', 'r.lost_at', 'r.created_by', 'cb.full_name as created_by_name', 'r.version', 'r.created_at', 'r.updated_at',
      db.raw(`${totalSql} AS total`), db.raw('? AS editable', [ownedRecordEditable(db, actor)]),
    );
}

export function toOpportunity(row: OpportunityRow): Opportunity {
  return {
    id: row.id, number: row.number, name: row.name, customerId: row.customer_id, customerName: row.customer_name,
    ownerId: row.owner_id, ownerName: row.owner_name, stage: row.stage, source: row.source, type: row.type, status: row.status,
    probability: row.probability, expectedRevenue: row.expected_revenue, expectedDate: row.expected_date, startDate: row.start_date,
    lostReason: row.lost_reason, lostAt: row.lost_at ? row.lost_at.toISOString() : null, total: Number(row.total),
    createdById: row.created_by, createdByName: row.created_by_name, editable: Boolean(row.editable),
    version: row.version, createdAt: row.created_at.toISOString(), updatedAt: row.updated_at.toISOString(),
  };
}

/** Opportunities by id in the order of `ids`, those the actor may see (the list's rows, re-checked). */
export async function opportunitiesByIds(db: Knex, actor: Actor, ids: number[]): Promise<Opportunity[]> {
  const rows: OpportunityRow[] = await prepared(inIdOrder(selectOpportunityColumns(db, actor, visibleOpportunities(db, actor)), 'r.id', ids));
  return rows.map(toOpportunity);
}

type LineRow = { id: number; product_id: number; code: string; name: string; unit: string | null; quantity: number; price: number };

export async function opportunityLines(db: Knex, opportunityId: number): Promise<OpportunityLine[]> {
  const rows: LineRow[] = await db('opportunity_lines as l').join('products as p', 'p.id', 'l.product_id')
    .where('l.opportunity_id', opportunityId).orderBy('l.id')
    .select('l.id', 'l.product_id', 'p.code', 'p.name', 'p.unit', 'l.quantity', 'l.price');
  return rows.map((row) => ({
    id: row.id, productId: row.product_id, productCode: row.code, productName: row.name, unit: row.unit,
    quantity: Number(row.quantity), price: Number(row.price), amount: Math.round(Number(row.quantity) * Number(row.price) * 100) / 100,
  }));
}

export async function findVisibleOpportunity(db: Knex, actor: Actor, id: number): Promise<OpportunityDetail | undefined> {
  const row: OpportunityRow | undefined = await selectOpportunityColumns(db, actor, visibleOpportunities(db, actor).where('r.id', id)).first();
  if (!row) return undefined;
  const change = await versionChange(db, 'opportunity', id);
  return { ...toOpportunity(row), updatedByName: change?.by ?? null, products: await opportunityLines(db, id) };
}

/**
 * The recycle bin (list engine): deleted opportunities the actor could edit (and so restore), last
 * deleted first; ties on the time by id.
 */
export const deletedOpportunityList: ListSource<Record<string, never>, DeletedOpportunity> = {
  name: 'deletedOpportunities',
  // Opportunities, and the customers, shares, users and departments that decide who sees them.
  versionedBy: ['crm_list_version_opportunities', 'crm_list_version'],
  idColumn: 'r.id',
  rows: (db, actor) => visibleOpportunities(db, actor, true).where(ownedRecordEditable(db, actor)),
  sortModel: () => ({
    columns: { deletedAt: { expression: 'r.deleted_at', cast: 'timestamptz', nullable: false } },
    defaultSort: 'deletedAt:desc',
    id: { expression: 'r.id', cast: 'bigint', nullable: false },
  }),
  hasTextSearch: () => false,
  load: async (db, actor, ids) => {
    const rows: (OpportunityRow & { deleted_at: Date; deleted_by_name: string | null })[] = await inIdOrder(selectOpportunityColumns(db, actor, visibleOpportunities(db, actor, true))
      .leftJoin('users as du', 'du.id', 'r.deleted_by')
      .select('r.deleted_at', 'du.full_name as deleted_by_name'), 'r.id', ids);
    return rows.map((row) => ({ ...toOpportunity(row), deletedAt: row.deleted_at.toISOString(), deletedByName: row.deleted_by_name }));
  },
};
