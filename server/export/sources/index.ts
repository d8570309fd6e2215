import type { Knex } from 'knex';
import type { ColumnSpec } from '../../../shared/columns/ColumnSpec';
import { columnsOf, pickColumns, type ExportList } from '../../../shared/columns/exportLists';
import type { ExportRequest } from '../../../shared/schemas/exports';
import type { Actor } from '../../access/actor';
import { badRequest } from '../../errors';
import { describeRequest } from '../exportRecords';
import type { ExportSource } from '../streamExport';
import { activitySource } from './activitySource';
import { customerSource } from './customerSource';
import { opportunitySource } from './opportunitySource';

type SourceBuilder = (db: Knex, actor: Actor, request: ExportRequest, columns: ColumnSpec[]) => { rows: Knex.QueryBuilder; count: Knex.QueryBuilder };

const builders: Record<ExportList, SourceBuilder> = { customers: customerSource, activities: activitySource, opportunities: opportunitySource };

/** The columns a request names, in its order; 400 `columns` on a key the list does not have. */
export function exportColumns(list: ExportList, request: ExportRequest): ColumnSpec[] {
  const picked = pickColumns(columnsOf[list], request.columns);
  if ('unknown' in picked) throw badRequest(`Unknown column "${picked.unknown}" for ${list}`, 'columns');
  return picked.picked;
}

export function exportSource(db: Knex, actor: Actor, list: ExportList, request: ExportRequest): ExportSource {
  const columns = exportColumns(list, request);
  return { list, columns, ...builders[list](db, actor, request, columns), filter: describeRequest(request) };
}
