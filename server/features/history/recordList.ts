import type { Knex } from 'knex';
import type { HistoryListQuery } from '../../../shared/schemas/records';
import type { Actor } from '../../access/actor';
import { seesManyOwners } from '../../access/customerAccess';
import { sampledMatchShare, searchWords } from '../../db/likePattern';
import { listPage, type ListSource } from '../../list/listEngine';
import { indexedColumn, positionIn, usersByName } from '../../list/positionKey';
import type { SortColumn, SortModel } from '../../list/sortKeys';
import { filteredRecords, recordsByIds, type RecordFilter } from './repository';
import type { RecordKindConfig } from './recordKinds';

/*
 * Activities, quotes, contracts, orders and payments on the list engine (server/list/). The
 * orders an index walks: `due` and `date` (migrations 0026, 0027), `customerName` (customers'
 * name index, joined by customer); the others page through anchors computed once per version.
 */

/** How a record kind's list sorts; the export orders its rows the same way. */
export function recordSortModel(config: RecordKindConfig): SortModel {
  const plain = (expression: string, nullable = false): SortColumn => ({ expression, cast: 'text', nullable, manyTies: true });
  const columns: Record<string, SortColumn> = {
    date: { expression: 'r.date', cast: 'date', nullable: false, manyTies: true },
    customerName: plain('c.name'),
    ownerName: positionIn('r.owner_id', usersByName, indexedColumn('r.owner_id')),
  };
  // Free text sorts the Vietnamese way (Đ after D), like names.
  if ('subject' in config.fields) columns.subject = plain('r.subject COLLATE "vi-VN-x-icu"');
  for (const field of ['type', 'status'] as const) if (field in config.fields) columns[field] = plain(`r.${field}`);
  // Open work first by date (overdue, today, future), then finished work newest first: one integer (migration 0027).
  if (config.kind === 'activity') columns.due = { expression: 'crm_activity_due(r.status, r.date)', cast: 'integer', nullable: false, manyTies: true };
  return { columns, defaultSort: config.kind === 'activity' ? 'due:asc' : 'date:desc', id: { expression: 'r.id', cast: 'bigint', nullable: false } };
}

const sources = new Map<RecordKindConfig['kind'], ListSource<RecordFilter, Record<string, unknown>>>();

/** The list of one record kind (one source per kind, so caches are per kind). */
export function recordListSource(config: RecordKindConfig): ListSource<RecordFilter, Record<string, unknown>> {
  let source = sources.get(config.kind);
  if (!source) {
    const model = recordSortModel(config);
    source = {
      name: config.table,
      // Customers' names and access rules are part of every history list.
      versionedBy: ['crm_list_version', config.kind === 'activity' ? 'crm_list_version_activities' : 'crm_list_version_records'],
      idColumn: 'r.id',
      rows: (db, actor, filter) => filteredRecords(db, actor, config, filter),
      sortModel: () => model,
      hasTextSearch: (filter) => Boolean(filter.search?.trim()),
      // Activities search their own search_text; the other kinds their customer's name.
      ...(config.kind === 'activity' && {
        searchEstimate: {
          without: ({ search: _search, ...without }) => without,
          share: (db, filter) => sampledMatchShare(db, 'activities', 'search_text', searchWords(filter.search)),
        },
      }),
      load: (db, actor, ids) => recordsByIds(db, actor, config, ids),
      // A staff member's records are collected through recordVisible's index arms, not found along the sort index.
      walksSortIndex: seesManyOwners,
    };
    sources.set(config.kind, source);
  }
  return source;
}

export async function listRecords(db: Knex, actor: Actor, config: RecordKindConfig, query: HistoryListQuery) {
  const { sort, offset, limit, ...filter } = query;
  return listPage(db, actor, recordListSource(config), filter, { sort, offset, limit });
}
