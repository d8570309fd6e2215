import type { Knex } from 'knex';
import { dateRangeFor, filterSql, type DateRange } from './bulkGroupsBench';
import type { HttpClient } from './httpClient';
import { shareBaseline, transferBaseline, undoBaseline } from './ownershipBaselines';
import { Budget, summarize, type Summary } from './stats';

export type OwnershipResult = { name: string; customers: number; api: Summary; baseline: Summary; apiOverBaseline: number; errors: string[] };

const everyOption = {
  splitEvenly: true, transferOpenActivities: true, shareOldActivities: true, shareOldContracts: true,
  shareOldQuotes: true, shareOldOpportunities: true, shareOldOrders: true,
};
const sharedInfoTypes = ['general', 'contacts'];

function result(name: string, customers: number, api: number[], sql: number[], errors: string[]): OwnershipResult {
  const apiSummary = summarize(api);
  const baseline = summarize(sql);
  return { name, customers, api: apiSummary, baseline, apiOverBaseline: Math.round((apiSummary.p50 / baseline.p50) * 100) / 100, errors };
}

/** Seeded staff to transfer to (never the bench users). */
async function recipients(db: Knex, count: number): Promise<number[]> {
  return db('users').where({ active: true, role: 'staff' }).whereNot('username', 'like', 'bench.%').orderBy('id').limit(count).pluck('id');
}

/** The department (with its subdepartments) whose active users are nearest 15. */
async function departmentOfAbout15(db: Knex): Promise<{ id: number; userIds: number[] }> {
  const { rows } = await db.raw<{ rows: { id: number; user_ids: number[] }[] }>(`
    SELECT d.id, array_agg(u.id ORDER BY u.id) AS user_ids
      FROM departments d JOIN departments sub ON sub.path LIKE d.path || '%' JOIN users u ON u.department_id = sub.id AND u.active
     GROUP BY d.id ORDER BY abs(count(*) - 15), d.id LIMIT 1`);
  return { id: rows[0].id, userIds: rows[0].user_ids.map(Number) };
}

/** What a transfer and its undo leave besides the restored customers: its rows in history, audit, notifications, the batch. */
async function forgetBatch(db: Knex, batchId: number): Promise<void> {
  await db.transaction(async (trx) => {
    await trx('ownership_history').where({ batch_id: batchId }).delete();
    await trx('notifications').whereRaw(`data->>'batchId' = ?`, [String(batchId)]).delete();
    await trx('audit_log').whereRaw(`detail->>'batchId' = ?`, [String(batchId)]).delete();
    await trx('transfer_batches').where({ id: batchId }).delete();
  });
}

/**
 * POST /api/customers/transfer-owner of ~100,000 customers (by filter) over 7 recipients with
 * every option, then its undo, each against the same work in hand-written SQL. Every transfer is
 * undone through the API and its bookkeeping removed, so the data ends as it started.
 */
export async function benchTransferAndUndo(db: Knex, admin: HttpClient, target: number, deadline: number): Promise<OwnershipResult[]> {
  const range = await dateRangeFor(db, target);
  const userIds = await recipients(db, 7);
  const errors: string[] = [];
  const [transferApi, undoApi, undoSql, transferSql]: number[][] = [[], [], [], []];
  for (const budget = new Budget(2, 300_000, deadline); budget.next();) {
    const done = await admin.request<{ batchId: number; total: number }>('POST', '/api/customers/transfer-owner', {
      filter: { createdFrom: range.createdFrom, createdTo: range.createdTo }, userIds, ...everyOption,
    });
    if (done.status !== 200) {
      errors.push(`transfer ${done.status} ${JSON.stringify(done.body).slice(0, 200)}`);
      break;
    }
    if (done.body.total === range.count) transferApi.push(done.ms);
    else errors.push(`transfer moved ${done.body.total} of ${range.count}`);
    const batchId = done.body.batchId;
    undoSql.push(await undoBaseline(db, batchId, admin.userId));
    const undone = await admin.request<{ restored: number; skipped: unknown[] }>('POST', `/api/transfer-batches/${batchId}/undo`);
    if (undone.status === 200 && undone.body.skipped.length === 0) undoApi.push(undone.ms);
    else errors.push(`undo ${undone.status} ${JSON.stringify(undone.body).slice(0, 200)}`);
    await forgetBatch(db, batchId);
  }
  for (const budget = new Budget(2, 300_000, deadline); budget.next();) transferSql.push(await transferBaseline(db, range, userIds, admin.userId));
  return [
    result(`transfer, 7 recipients, all options`, range.count, transferApi, transferSql, errors),
    result('undo of that transfer', range.count, undoApi, undoSql, []),
  ];
}

/**
 * POST /api/customers/share (add, by filter) of ~100,000 customers with a department of ~15
 * users (one row per customer naming the department) against the same UPDATE and INSERT by hand;
 * the department's rows on those customers are put back as they were after each run.
 */
export async function benchShare(db: Knex, admin: HttpClient, target: number, deadline: number): Promise<OwnershipResult> {
  const range = await dateRangeFor(db, target);
  const department = await departmentOfAbout15(db);
  const errors: string[] = [];
  const [api, sql]: number[][] = [[], []];
  for (const budget = new Budget(2, 300_000, deadline); budget.next();) {
    const saved = await savedShares(db, range, department.id);
    const done = await admin.request<{ customers: number }>('POST', '/api/customers/share', {
      filter: { createdFrom: range.createdFrom, createdTo: range.createdTo }, departmentIds: [department.id], infoTypes: sharedInfoTypes, mode: 'add',
    });
    if (done.status === 200 && done.body.customers === range.count) api.push(done.ms);
    else errors.push(`share ${done.status} ${JSON.stringify(done.body).slice(0, 200)}`);
    await restoreShares(db, range, department.id, saved, admin.userId);
  }
  for (const budget = new Budget(2, 300_000, deadline); budget.next();) sql.push(await shareBaseline(db, range, department.id, sharedInfoTypes, admin.userId));
  return result(`share (add), department of ${department.userIds.length}`, range.count, api, sql, errors);
}

type SavedShare = { customer_id: number; department_id: number; info_types: string[]; created_by: number | null; created_at: string };

/** The department's share rows on the range's customers: what a share (add) with it inserts or widens. */
async function savedShares(db: Knex, range: DateRange, departmentId: number): Promise<SavedShare[]> {
  const { rows } = await db.raw<{ rows: SavedShare[] }>(
    `SELECT s.customer_id, s.department_id, s.info_types, s.created_by, s.created_at::text AS created_at FROM customer_shares s JOIN customers c ON c.id = s.customer_id
      WHERE s.department_id = ? AND ${filterSql}`, [departmentId, range.createdFrom, range.createdTo]);
  return rows;
}

async function restoreShares(db: Knex, range: DateRange, departmentId: number, saved: SavedShare[], actorId: number): Promise<void> {
  await db.transaction(async (trx) => {
    await trx.raw(`DELETE FROM customer_shares s USING customers c WHERE c.id = s.customer_id AND s.department_id = ? AND ${filterSql}`,
      [departmentId, range.createdFrom, range.createdTo]);
    await trx.raw(`INSERT INTO customer_shares SELECT * FROM json_populate_recordset(NULL::customer_shares, ?::json)`,
      [JSON.stringify(saved.map((row) => ({ ...row, source: 'share' })))]);
    await trx('notifications').where({ kind: 'customers_shared' }).whereRaw(`(data->>'actorId')::bigint = ?`, [actorId]).delete();
  });
}
