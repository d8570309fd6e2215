import type { Knex } from 'knex';
import { filterSql, type DateRange } from './bulkGroupsBench';

/**
 * The work of a transfer, its undo and a share, written by hand in SQL (no HTTP, no access
 * checks, no JSON): what the API is measured against. Each runs in a transaction that is rolled
 * back, so the data stays as it was.
 */
export async function rolledBack(db: Knex, work: (trx: Knex.Transaction) => Promise<unknown>): Promise<number> {
  const trx = await db.transaction();
  try {
    const started = performance.now();
    await work(trx);
    return performance.now() - started;
  } finally {
    await trx.rollback();
  }
}

/** Transfer by range in name order, split over `recipients`, with every option on. */
export function transferBaseline(db: Knex, range: DateRange, recipients: number[], actorId: number): Promise<number> {
  const k = recipients.length;
  return rolledBack(db, async (trx) => {
    const options = { shareOldActivities: true, shareOldContracts: true, shareOldQuotes: true, shareOldOpportunities: true, shareOldOrders: true };
    const [{ id: batchId }] = await trx('transfer_batches').insert({ created_by: actorId, customer_count: 0, options: JSON.stringify(options) }, ['id']);
    await trx.raw(`CREATE TEMP TABLE plan ON COMMIT DROP AS
      SELECT s.id, s.version, (?::bigint[])[1 + CASE WHEN s.pos < (s.n % ?) * (s.n / ? + 1) THEN s.pos / (s.n / ? + 1)
                                                     ELSE s.n % ? + (s.pos - (s.n % ?) * (s.n / ? + 1)) / greatest(s.n / ?, 1) END] AS owner_id
        FROM (SELECT c.id, c.version, (row_number() OVER (ORDER BY c.name, c.id) - 1)::int AS pos, count(*) OVER ()::int AS n
                FROM customers c WHERE ${filterSql}) s`, [recipients, k, k, k, k, k, k, k, range.createdFrom, range.createdTo]);
    await trx.raw('CREATE TEMP TABLE moved (id bigint PRIMARY KEY, from_owner bigint, from_previous bigint, from_at timestamptz, to_owner bigint, version integer) ON COMMIT DROP');
    await trx.raw(`WITH u AS (UPDATE customers c SET owner_id = p.owner_id, previous_owner_id = coalesce(c.owner_id, c.previous_owner_id),
        owner_assigned_at = now(), version = c.version + 1, updated_at = now()
        FROM plan p WHERE c.id = p.id AND c.owner_id IS DISTINCT FROM p.owner_id
        RETURNING c.id, old.owner_id, old.previous_owner_id, old.owner_assigned_at, new.owner_id AS to_owner, new.version)
      INSERT INTO moved SELECT * FROM u`);
    await trx.raw(`INSERT INTO ownership_history (customer_id, from_user_id, to_user_id, reason, changed_by, batch_id)
      SELECT id, from_owner, to_owner, 'transfer', ?, ? FROM moved`, [actorId, batchId]);
    await trx.raw(`INSERT INTO transfer_batch_customers SELECT ?, id, from_owner, from_previous, from_at, to_owner, version FROM moved`, [batchId]);
    await trx.raw(`WITH a AS (UPDATE activities a SET owner_id = m.to_owner, version = a.version + 1, updated_at = now() FROM moved m
        WHERE a.customer_id = m.id AND a.deleted_at IS NULL AND a.status IN ('not_started', 'in_progress') AND a.owner_id <> m.to_owner
        RETURNING a.id, old.owner_id)
      INSERT INTO transfer_batch_activities SELECT ?, id, owner_id FROM a`, [batchId]);
    // The batch shares the old records through its options: like the API, nothing is written or counted for them.
    await trx.raw(`INSERT INTO notifications (user_id, kind, title)
      SELECT to_owner, 'customers_received', count(*) || ' khách hàng' FROM moved GROUP BY to_owner
      UNION ALL SELECT from_owner, 'customers_transferred_away', count(*) || ' khách hàng' FROM moved WHERE from_owner IS NOT NULL GROUP BY from_owner`);
  });
}

/** Undo of `batchId`: customers still at their batch version go back, their moved activities too; marking the batch undone takes back its shares. */
export function undoBaseline(db: Knex, batchId: number, actorId: number): Promise<number> {
  return rolledBack(db, async (trx) => {
    await trx.raw('CREATE TEMP TABLE back (id bigint PRIMARY KEY, from_owner bigint, to_owner bigint) ON COMMIT DROP');
    await trx.raw(`WITH u AS (UPDATE customers c SET owner_id = b.from_owner_id, previous_owner_id = b.from_previous_owner_id,
        owner_assigned_at = b.from_assigned_at, version = c.version + 1, updated_at = now()
        FROM transfer_batch_customers b WHERE b.batch_id = ? AND c.id = b.customer_id AND c.version = b.version_after AND c.deleted_at IS NULL
        RETURNING c.id, old.owner_id, new.owner_id)
      INSERT INTO back SELECT * FROM u`, [batchId]);
    await trx.raw(`INSERT INTO ownership_history (customer_id, from_user_id, to_user_id, reason, changed_by, batch_id)
      SELECT id, from_owner, to_owner, 'undo', ?, ? FROM back`, [actorId, batchId]);
    await trx.raw(`UPDATE activities a SET owner_id = m.from_owner_id, version = a.version + 1, updated_at = now()
      FROM transfer_batch_activities m, back b WHERE m.batch_id = ? AND a.id = m.activity_id AND b.id = a.customer_id AND a.owner_id = b.from_owner`, [batchId]);
    await trx.raw('UPDATE transfer_batches SET undone_at = now(), undone_by = ? WHERE id = ?', [actorId, batchId]);
  });
}

/**
 * Share (add) the customers of the range with a department: widen the info types of its rows
 * there, then insert the missing rows (one per customer naming the department) in customer order.
 */
export function shareBaseline(db: Knex, range: DateRange, departmentId: number, infoTypes: string[], actorId: number): Promise<number> {
  return rolledBack(db, async (trx) => {
    await trx.raw(`UPDATE customer_shares s SET info_types = ARRAY(SELECT DISTINCT unnest(s.info_types || ?::text[]))
        FROM customers c WHERE c.id = s.customer_id AND s.department_id = ? AND ${filterSql} AND NOT (s.info_types @> ?::text[])`,
    [infoTypes, departmentId, range.createdFrom, range.createdTo, infoTypes]);
    await trx.raw(`INSERT INTO customer_shares (customer_id, department_id, source, info_types, created_by)
        SELECT c.id, ?, 'share', ?::text[], ? FROM customers c
         WHERE ${filterSql} AND NOT EXISTS (SELECT 1 FROM customer_shares s WHERE s.customer_id = c.id AND s.department_id = ?)
         ORDER BY c.id`, [departmentId, infoTypes, actorId, range.createdFrom, range.createdTo, departmentId]);
  });
}
