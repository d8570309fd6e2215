import type { Knex } from 'knex';
import type { HistoryListQuery } from '../../../shared/schemas/records';
import type { Actor } from '../../access/actor';
import { recordVisible } from '../../access/recordAccess';
import { seesManyOwners } from '../../access/customerAccess';
import { containsUnaccented, searchWords } from '../../db/likePattern';
import { inIdOrder } from '../../list/listEngine';
import { recordKinds, type RecordKindConfig } from './recordKinds';

type Row = Record<string, unknown> & { id: number; customer_id: number; customer_name: string; owner_id: number; owner_name: string | null; date: string; version: number; created_at: Date; updated_at: Date };
/** A history list's filters (SPEC contract details), without its paging. */
export type RecordFilter = Omit<HistoryListQuery, 'sort' | 'offset' | 'limit'>;
type Line = { productId: number; quantity: number; price: number; discountPercent: number };

export function visibleRecords(db: Knex, actor: Actor, config: RecordKindConfig): Knex.QueryBuilder {
  return db(`${config.table} as r`)
    .join('customers as c', 'c.id', 'r.customer_id')
    .whereNull('r.deleted_at')
    .whereNull('c.deleted_at')
    .where(recordVisible(db, actor, config.kind, config.infoType));
}

async function linesByRecord(db: Knex, config: RecordKindConfig, ids: number[]): Promise<Map<number, Line[]>> {
  const byRecord = new Map<number, Line[]>();
  if (!config.linesColumn || ids.length === 0) return byRecord;
  const rows = await db('document_lines').whereIn(config.linesColumn, ids).orderBy('id')
    .select(`${config.linesColumn} as record_id`, 'product_id', 'quantity', 'price', 'discount_percent');
  for (const row of rows) {
    const lines = byRecord.get(row.record_id) ?? [];
    lines.push({ productId: row.product_id, quantity: row.quantity, price: row.price, discountPercent: row.discount_percent });
    byRecord.set(row.record_id, lines);
  }
  return byRecord;
}

function toRecord(config: RecordKindConfig, row: Row, lines: Map<number, Line[]>): Record<string, unknown> {
  const record: Record<string, unknown> = {
    id: row.id, customerId: row.customer_id, customerName: row.customer_name, ownerId: row.owner_id, ownerName: row.owner_name,
    date: row.date, version: row.version, createdAt: row.created_at.toISOString(), updatedAt: row.updated_at.toISOString(),
  };
  for (const [field, column] of Object.entries({ ...config.fields, ...config.generated })) record[field] = row[column] ?? null;
  if (config.linesColumn) record.lines = lines.get(row.id) ?? [];
  return record;
}

function selectColumns(db: Knex, query: Knex.QueryBuilder): Knex.QueryBuilder {
  return query.leftJoin('users as o', 'o.id', 'r.owner_id').select('r.*', 'c.name as customer_name', 'o.full_name as owner_name', db.raw('r.date::text AS date'));
}

/** Records (alias `r`, customer `c`) the actor may see that match `filter`: the rows of a list and of its export. */
export function filteredRecords(db: Knex, actor: Actor, config: RecordKindConfig, filter: RecordFilter): Knex.QueryBuilder {
  const searchByIndex = seesManyOwners(db, actor);
  return visibleRecords(db, actor, config).modify((q) => applyRecordFilter(q, config, filter, searchByIndex));
}

/**
 * The list filters (SPEC contract details: customerId, ownerId, status, type, from, to, search)
 * over `r` and `c`. `searchByIndex` false: one owner's few records, collected through the access
 * rule's index arms, are searched row by row. The planner underestimates common words ("hai
 * dang": 2,000 for 86,000) and would collect every match in 5M activities by trigram to keep a
 * staff member's 361 (1.7 s instead of 0.1 s).
 */
function applyRecordFilter(q: Knex.QueryBuilder, config: RecordKindConfig, query: RecordFilter, searchByIndex: boolean): void {
  if (query.customerId !== undefined) q.where('r.customer_id', query.customerId);
  if (query.ownerId !== undefined) q.where('r.owner_id', query.ownerId);
  if (query.status !== undefined && 'status' in config.fields) q.where('r.status', query.status);
  if (query.type !== undefined && 'type' in config.fields) q.where('r.type', query.type);
  if (query.from) q.where('r.date', '>=', query.from);
  if (query.to) q.where('r.date', '<=', query.to);
  // Activities keep their subject and customer's name searchable on the row (migration 0032).
  const text = config.kind !== 'activity' ? 'crm_search_text(c.name)' : searchByIndex ? 'r.search_text' : `(r.search_text || '')`;
  for (const word of searchWords(query.search)) containsUnaccented(q, text, word);
}

/** The rows of an activities export. */
export function activityExportQuery(db: Knex, actor: Actor, filter: RecordFilter): Knex.QueryBuilder {
  return filteredRecords(db, actor, activityKind(), filter);
}

export function activityKind(): RecordKindConfig {
  const config = recordKinds.find((candidate) => candidate.kind === 'activity');
  if (!config) throw new Error('activity record kind missing');
  return config;
}

/** Records by id in the order of `ids`, those the actor may see (the list's rows, re-checked). */
export async function recordsByIds(db: Knex, actor: Actor, config: RecordKindConfig, ids: number[]) {
  const rows: Row[] = await inIdOrder(selectColumns(db, visibleRecords(db, actor, config)), 'r.id', ids);
  const lines = await linesByRecord(db, config, rows.map((row) => row.id));
  return rows.map((row) => toRecord(config, row, lines));
}

export async function findVisibleRecord(db: Knex, actor: Actor, config: RecordKindConfig, id: number) {
  const row: Row | undefined = await selectColumns(db, visibleRecords(db, actor, config).where('r.id', id)).first();
  if (!row) return undefined;
  return toRecord(config, row, await linesByRecord(db, config, [row.id]));
}
