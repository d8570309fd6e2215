import type { Knex } from 'knex';
import type { ColumnSpec } from '../../../shared/columns/ColumnSpec';
import type { ExportRequest } from '../../../shared/schemas/exports';
import type { OpportunityFilter } from '../../../shared/schemas/opportunities';
import type { Actor } from '../../access/actor';
import { applyOpportunityFilter } from '../../features/opportunities/filters';
import { opportunitySortModel } from '../../features/opportunities/opportunityList';
import { visibleOpportunities } from '../../features/opportunities/repository';
import { orderBySql, parseSort } from '../../list/sortKeys';
import { selectColumns, vnDateTime, type ColumnSql } from './selectColumns';

const columnSql: ColumnSql = {
  number: 'r.number', name: 'r.name', customerName: 'c.name', ownerName: 'o.full_name', stage: 'r.stage', status: 'r.status',
  probability: 'r.probability', expectedRevenue: 'r.expected_revenue', expectedDate: 'r.expected_date::text', startDate: 'r.start_date::text',
  lostReason: '(SELECT lr.name FROM lost_reasons lr WHERE lr.id = r.lost_reason_id)', createdAt: vnDateTime('r.created_at'),
};

/** The opportunities an export writes (S4): the current search (the list's filter and order) or the picked ids. */
export function opportunitySource(db: Knex, actor: Actor, request: ExportRequest, columns: ColumnSpec[]) {
  const base = () => {
    const query = applyOpportunityFilter(visibleOpportunities(db, actor), (request.ids ? {} : request.filter ?? {}) as OpportunityFilter);
    if (request.excludeIds?.length) query.whereRaw('NOT (r.id = ANY(?::bigint[]))', [request.excludeIds]);
    return request.ids ? query.whereRaw('r.id = ANY(?::bigint[])', [request.ids]) : query;
  };
  const rows = selectColumns(db, base().leftJoin('users as o', 'o.id', 'r.owner_id'), columns, columnSql)
    .orderByRaw(orderBySql(db, parseSort(db, opportunitySortModel, request.sort)));
  return { rows, count: base().count<{ n: number }[]>('* as n') };
}
