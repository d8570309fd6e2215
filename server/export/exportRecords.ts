import type { Knex } from 'knex';
import type { ExportList } from '../../shared/columns/exportLists';
import type { ExportInfo, ExportRequest } from '../../shared/schemas/exports';
import type { Actor } from '../access/actor';

type ExportRow = {
  id: number; user_id: number; list: ExportList; request: ExportRequest; filter: Record<string, unknown>; columns: string[];
  status: ExportInfo['status']; total: number | null; rows_written: number; created_at: Date; finished_at: Date | null;
};

function toInfo(row: ExportRow): ExportInfo {
  return {
    id: row.id, list: row.list, filter: row.filter, columns: row.columns, status: row.status, total: row.total,
    rowsWritten: row.rows_written, createdAt: row.created_at.toISOString(), finishedAt: row.finished_at ? row.finished_at.toISOString() : null,
  };
}

/** What the recent list shows of a request: its filter and sort, or how many rows were picked. */
export function describeRequest(request: ExportRequest): Record<string, unknown> {
  return {
    ...(request.ids ? { ids: request.ids.length } : { ...(request.filter ?? {}) }),
    ...(request.excludeIds?.length ? { excluded: request.excludeIds.length } : {}),
    ...(request.sort ? { sort: request.sort } : {}),
  };
}

export async function createExport(db: Knex, actor: Actor, list: ExportList, request: ExportRequest, columns: string[], status: 'pending' | 'running'): Promise<number> {
  const [row] = await db('exports')
    .insert({ user_id: actor.id, list, request: JSON.stringify(request), filter: JSON.stringify(describeRequest(request)), columns, status })
    .returning('id');
  return row.id;
}

/** A pending export of the actor (a redeemed ticket's), now running; undefined if it is not theirs or not pending. */
export async function startPendingExport(db: Knex, actor: Actor, id: number): Promise<{ list: ExportList; request: ExportRequest } | undefined> {
  const [row] = await db('exports').where({ id, user_id: actor.id, status: 'pending' }).update({ status: 'running', created_at: db.fn.now() }).returning(['list', 'request']);
  return row;
}

/** Counts progress; answers whether someone asked to stop (POST /api/exports/:id/cancel, from any process). */
export async function reportProgress(db: Knex, id: number, rowsWritten: number): Promise<boolean> {
  const [row] = await db('exports').where({ id }).update({ rows_written: rowsWritten }).returning('cancel_requested');
  return Boolean(row?.cancel_requested);
}

export async function setTotal(db: Knex, id: number, total: number): Promise<void> {
  await db('exports').where({ id }).update({ total });
}

export async function finishExport(db: Knex, id: number, status: 'done' | 'cancelled' | 'failed', rowsWritten: number, error?: string): Promise<void> {
  await db('exports').where({ id }).update({ status, rows_written: rowsWritten, error: error ?? null, finished_at: db.fn.now() });
}

export async function requestCancel(db: Knex, actor: Actor, id: number): Promise<boolean> {
  const changed = await db('exports').where({ id, user_id: actor.id }).whereIn('status', ['pending', 'running']).update({ cancel_requested: true });
  return changed > 0;
}

export async function findExport(db: Knex, actor: Actor, id: number): Promise<ExportInfo | undefined> {
  const row: ExportRow | undefined = await db('exports').where({ id, user_id: actor.id }).first();
  return row && toInfo(row);
}

/** The caller's last 20 exports that ran (not tickets never used), newest first. */
export async function recentExports(db: Knex, actor: Actor): Promise<ExportInfo[]> {
  const rows: ExportRow[] = await db('exports').where({ user_id: actor.id }).whereNot('status', 'pending')
    .orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }]).limit(20);
  return rows.map(toInfo);
}
