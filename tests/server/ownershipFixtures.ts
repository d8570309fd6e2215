import type { Db } from '../../server/db/database';

/** Customers written straight into the database for ownership tests (setup, not the behaviour under test). */
export async function insertCustomers(db: Db, ownerId: number, names: string[], extra: Record<string, unknown> = {}): Promise<number[]> {
  const rows = await db('customers').insert(names.map((name) => ({ name, owner_id: ownerId, created_by: ownerId, ...extra })), ['id']);
  return rows.map((row) => row.id as number);
}

type RecordTable = 'activities' | 'contracts' | 'quotes' | 'opportunities' | 'orders';

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
