import type { Knex } from 'knex';
import type { ColumnSpec } from '../../../shared/columns/ColumnSpec';
import type { ActivityFilter, ExportRequest } from '../../../shared/schemas/exports';
import type { Actor } from '../../access/actor';
import { recordSortModel } from '../../features/history/recordList';
import { activityExportQuery, activityKind } from '../../features/history/repository';
import { orderBySql, parseSort } from '../../list/sortKeys';
import { selectColumns, vnDateTime, type ColumnSql } from './selectColumns';

const columnSql: ColumnSql = {
  date: 'r.date::text', customerName: 'c.name', type: 'r.type', subject: 'r.subject', status: 'r.status',
  ownerName: 'o.full_name', description: 'r.description', createdAt: vnDateTime('r.created_at'),
};

/** The activities an export writes: the filter's or the picked ids, only those the actor may see. */
export function activitySource(db: Knex, actor: Actor, request: ExportRequest, columns: ColumnSpec[]) {
  const base = () => {
    const query = activityExportQuery(db, actor, (request.ids ? {} : request.filter ?? {}) as ActivityFilter);
    if (request.excludeIds?.length) query.whereRaw('NOT (r.id = ANY(?::bigint[]))', [request.excludeIds]);
    return request.ids ? query.whereRaw('r.id = ANY(?::bigint[])', [request.ids]) : query;
  };
  // The list's order, from its sort model.
  const rows = selectColumns(db, base().leftJoin('users as o', 'o.id', 'r.owner_id'), columns, columnSql)
    .orderByRaw(orderBySql(db, parseSort(db, recordSortModel(activityKind()), request.sort)));
  return { rows, count: base().count<{ n: number }[]>('* as n') };
}
