import type { Db } from '../../server/db/database';
import type { ApiClient } from '../support/apiClient';

/** Customers written straight into the database for ownership tests (setup, not the behaviour under test). */
export async function insertCustomers(db: Db, ownerId: number, names: string[], extra: Record<string, unknown> = {}): Promise<number[]> {
  const rows = await db('customers').insert(names.map((name) => ({ name, owner_id: ownerId, created_by: ownerId, ...extra })), ['id']);
  return rows.map((row) => row.id as number);
}

const recordTables = ['activities', 'contracts', 'quotes', 'opportunities', 'orders'] as const;
type RecordTable = (typeof recordTables)[number];

/** One history record or opportunity of a customer, held by `ownerId`. */
export async function insertRecord(db: Db, table: RecordTable, customerId: number, ownerId: number, extra: Record<string, unknown> = {}): Promise<number> {
  const base: Record<RecordTable, Record<string, unknown>> = {
    activities: { type: 'call', subject: 'Gọi điện', date: '2026-11-20', status: 'not_started' },
    contracts: { date: '2026-10-01', value: 1_000_000 },
    quotes: { date: '2026-09-01', value: 500_000 },
    opportunities: { name: 'Cơ hội', stage: 'initial', expected_date: '2026-12-31' },
    orders: { date: '2026-10-02', value: 700_000 },
  };
  const [row] = await db(table).insert({ ...base[table], customer_id: customerId, owner_id: ownerId, created_by: ownerId, ...extra }, ['id']);
  return row.id;
}

/** customer id → owner id. */
export async function ownersOf(db: Db, ids: number[]): Promise<Record<number, number | null>> {
  const rows = await db('customers').whereIn('id', ids).select('id', 'owner_id');
  return Object.fromEntries(rows.map((row) => [row.id, row.owner_id]));
}

/** Notifications of one user about one transfer batch. */
export async function batchNotifications(db: Db, userId: number, batchId: number) {
  return db('notifications').where({ user_id: userId }).whereRaw(`data->>'batchId' = ?`, [String(batchId)]).select('kind', 'title', 'data');
}

/** The ids of a customer's records of each kind that `client` gets from the record lists (`GET /api/activities?customerId=` …), ascending. */
export async function visibleRecordIds(client: ApiClient, customerId: number): Promise<Record<RecordTable, number[]>> {
  const seen = {} as Record<RecordTable, number[]>;
  for (const table of recordTables) {
    const response = await client.call('GET', `/api/${table}?customerId=${customerId}`);
    if (response.status !== 200) throw new Error(`GET /api/${table}: ${response.status} ${JSON.stringify(response.body)}`);
    seen[table] = response.body.rows.map((row: { id: number }) => row.id).sort((x: number, y: number) => x - y);
  }
  return seen;
}
