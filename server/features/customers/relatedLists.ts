import type { Knex } from 'knex';
import type { Actor } from '../../access/actor';
import { customerAccess } from '../../access/customerAccess';
import type { CustomerShare } from '../../../shared/schemas/customers';

type ShareReasonRow = {
  user_id: number; user_name: string; info_types: CustomerShare['infoTypes']; source: CustomerShare['source']; by_name: string | null;
  at: Date; rule_name: string | null; batch_id: number | null; records: CustomerShare['records'];
};

/**
 * Why each user sees a customer ("Chia sẻ" tab): its share rows (manual share by whom, "Giao cho",
 * a multi-assign rule by name), and its live records shared one by one, grouped per transfer batch
 * (how many of each type). Users by name, then share rows before record shares.
 */
export async function listCustomerShares(db: Knex, customerId: number): Promise<CustomerShare[]> {
  const { rows } = await db.raw<{ rows: ShareReasonRow[] }>(
    `WITH shared_records AS (
       SELECT rs.user_id, rs.batch_id, rs.record_type, count(*)::int AS n, max(rs.created_at) AS at
         FROM (SELECT 'activity' AS record_type, id FROM activities WHERE customer_id = :customerId AND deleted_at IS NULL
               UNION ALL SELECT 'opportunity', id FROM opportunities WHERE customer_id = :customerId AND deleted_at IS NULL
               UNION ALL SELECT 'quote', id FROM quotes WHERE customer_id = :customerId AND deleted_at IS NULL
               UNION ALL SELECT 'contract', id FROM contracts WHERE customer_id = :customerId AND deleted_at IS NULL
               UNION ALL SELECT 'order', id FROM orders WHERE customer_id = :customerId AND deleted_at IS NULL) r
         JOIN record_shares rs ON rs.record_type = r.record_type AND rs.record_id = r.id
        GROUP BY rs.user_id, rs.batch_id, rs.record_type
     ), reasons AS (
       SELECT s.user_id, s.source, s.info_types, s.created_by AS by_id, s.created_at AS at, m.name AS rule_name,
              NULL::bigint AS batch_id, '[]'::jsonb AS records, 0 AS rank
         FROM customer_shares s LEFT JOIN multi_assign_rules m ON m.id = s.rule_id
        WHERE s.customer_id = :customerId
       UNION ALL
       SELECT sr.user_id, 'transfer', array_agg(t.info_type ORDER BY t.position), b.created_by, coalesce(b.created_at, max(sr.at)), NULL,
              sr.batch_id, jsonb_agg(jsonb_build_object('type', sr.record_type, 'count', sr.n) ORDER BY t.position), 1
         FROM shared_records sr
         JOIN (VALUES ('activity', 'activities', 1), ('opportunity', 'opportunities', 2), ('quote', 'quotes', 3),
                      ('contract', 'contracts', 4), ('order', 'orders', 5)) AS t(record_type, info_type, position) ON t.record_type = sr.record_type
         LEFT JOIN transfer_batches b ON b.id = sr.batch_id
        GROUP BY sr.user_id, sr.batch_id, b.created_by, b.created_at
     )
     SELECT r.user_id, u.full_name AS user_name, r.info_types, r.source, a.full_name AS by_name, r.at, r.rule_name, r.batch_id, r.records
       FROM reasons r JOIN users u ON u.id = r.user_id LEFT JOIN users a ON a.id = r.by_id
      ORDER BY u.full_name, r.user_id, r.rank, r.source, r.at DESC, r.batch_id`,
    { customerId },
  );
  return rows.map((row) => ({
    userId: row.user_id, userName: row.user_name, infoTypes: row.info_types, source: row.source, sharedByName: row.by_name,
    sharedAt: row.at.toISOString(), ruleName: row.rule_name, batchId: row.batch_id, records: row.records,
  }));
}

/** Ownership changes of a customer, newest first. */
export async function listOwnershipHistory(db: Knex, customerId: number) {
  const rows = await db('ownership_history as h')
    .leftJoin('users as f', 'f.id', 'h.from_user_id')
    .leftJoin('users as t', 't.id', 'h.to_user_id')
    .where('h.customer_id', customerId)
    .orderBy([{ column: 'h.at', order: 'desc' }, { column: 'h.id', order: 'desc' }])
    .select('h.id', 'h.from_user_id', 'f.full_name as from_name', 'h.to_user_id', 't.full_name as to_name', 'h.reason', 'h.changed_by', 'h.at', 'h.batch_id');
  return rows.map((row) => ({
    id: row.id, fromUserId: row.from_user_id, fromUserName: row.from_name, toUserId: row.to_user_id,
    toUserName: row.to_name, reason: row.reason, changedBy: row.changed_by, at: row.at.toISOString(), batchId: row.batch_id,
  }));
}

/** The recycle bin: deleted customers the actor could edit (and so restore). */
export async function listDeletedCustomers(db: Knex, actor: Actor, offset: number, limit: number) {
  const base = db('customers as c').whereNotNull('c.deleted_at').where(customerAccess(db, actor).editable());
  const [{ n }] = await base.clone().count<{ n: number }[]>('* as n');
  const rows = await base
    .leftJoin('users as o', 'o.id', 'c.owner_id')
    .leftJoin('users as d', 'd.id', 'c.deleted_by')
    .orderBy([{ column: 'c.deleted_at', order: 'desc' }, { column: 'c.id', order: 'desc' }])
    .offset(offset).limit(limit)
    .select('c.id', 'c.code', 'c.name', 'o.full_name as owner_name', 'c.deleted_at', 'd.full_name as deleted_by_name');
  return {
    total: Number(n),
    rows: rows.map((row) => ({ id: row.id, code: row.code, name: row.name, ownerName: row.owner_name, deletedAt: row.deleted_at.toISOString(), deletedByName: row.deleted_by_name })),
  };
}
