import type { Knex } from 'knex';
import { opportunityStages } from '../../../shared/schemas/enums';
import type { Opportunity, OpportunityFilter, OpportunityListQuery, OpportunitySortField } from '../../../shared/schemas/opportunities';
import type { Actor } from '../../access/actor';
import { seesManyOwners } from '../../access/customerAccess';
import { listPage, type ListSource } from '../../list/listEngine';
import { indexedColumn, positionIn, usersByName } from '../../list/positionKey';
import type { Cast, SortColumn, SortModel } from '../../list/sortKeys';
import { applyOpportunityFilter } from './filters';
import { opportunitiesByIds, visibleOpportunities } from './repository';

/*
 * The Cơ hội grid on the list engine (server/list/). Empty values sort last either way (an
 * opportunity without a probability is not the most likely one); stages in pipeline order.
 */

const column = (expression: string, cast: Cast, nullable = false): SortColumn => ({ expression, cast, nullable, nullsLast: nullable, manyTies: true });

const columns: Record<OpportunitySortField, SortColumn> = {
  number: { expression: 'r.number', cast: 'text', nullable: false, unique: true },
  name: column('r.name', 'text'),
  customerName: column('c.name', 'text'),
  ownerName: positionIn('r.owner_id', usersByName, indexedColumn('r.owner_id')),
  stage: column(`array_position(ARRAY[${opportunityStages.map((stage) => `'${stage}'`).join(',')}]::text[], r.stage)`, 'integer'),
  status: column('r.status', 'text', true),
  probability: column('r.probability', 'integer', true),
  expectedRevenue: column('r.expected_revenue', 'numeric', true),
  expectedDate: column('r.expected_date', 'date'),
  startDate: column('r.start_date', 'date', true),
  lostAt: column('r.lost_at', 'timestamptz', true),
  createdAt: column('r.created_at', 'timestamptz'),
  updatedAt: column('r.updated_at', 'timestamptz'),
};

/** How the list sorts: newest first unless asked; the export orders its rows the same way. */
export const opportunitySortModel: SortModel = { columns, defaultSort: 'createdAt:desc', id: { expression: 'r.id', cast: 'bigint', nullable: false } };

export const opportunityList: ListSource<OpportunityFilter, Opportunity> = {
  name: 'opportunities',
  // Customers' names and access rules, users' names; the opportunities' own tables and lost reasons (migration 0027).
  versionedBy: ['crm_list_version', 'crm_list_version_opportunities'],
  idColumn: 'r.id',
  rows: (db, actor, filter) => applyOpportunityFilter(visibleOpportunities(db, actor), filter),
  sortModel: () => opportunitySortModel,
  // The trigram-indexed searches (name, customer): collecting their matches beats walking an order.
  hasTextSearch: (filter) => Boolean(filter.name?.trim() || filter.customer?.trim()),
  load: opportunitiesByIds,
  // A staff member's opportunities are collected through recordVisible's index arms: walking the
  // created index tested 200 rows per visible one (1,762 of 384,000: 250 ms a block).
  walksSortIndex: seesManyOwners,
};

/** A page of visible opportunities matching the search (S2). */
export async function listOpportunities(db: Knex, actor: Actor, query: OpportunityListQuery): Promise<{ rows: Opportunity[]; total: number }> {
  const { sort, offset, limit, ...filter } = query;
  return listPage(db, actor, opportunityList, filter, { sort, offset, limit });
}
