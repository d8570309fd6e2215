import type { Knex } from 'knex';
import { customerAccess } from '../../access/customerAccess';
import type { CustomerShare, DeletedCustomer } from '../../../shared/schemas/customers';
import { inIdOrder, type ListSource } from '../../list/listEngine';
import { infoTypes } from '../../../shared/schemas/enums';
import { oldRecordKinds } from '../ownership/oldRecordKinds';

type ShareReasonRow = {
  user_id: number; user_name: string; department_id: number | null; department_name: string | null;
  info_types: CustomerShare['infoTypes']; source: CustomerShare['source']; by_name: string | null;
  at: Date; rule_name: string | null; batch_id: number | null; records: CustomerShare['records'];
};

/**
 * The kinds of old records a transfer may share, as SQL rows `(record_type, info_type, option, position)`
 * in the order of the info types; and a customer's live records of those kinds `(record_type, id, owner_id, created_at)`.
 */
const shareableKinds = `VALUES ${oldRecordKinds
  .map((kind) => `('${kind.recordType}', '${kind.table}', '${kind.option}', ${infoTypes.indexOf(kind.table)})`).join(', ')}`;
const customerRecords = oldRecordKinds
  .map((kind) => `SELECT '${kind.recordType}' AS record_type, id, owner_id, created_at FROM ${kind.table} WHERE customer_id = :customerId AND deleted_at IS NULL`)
  .join(' UNION ALL ');

/**
 * Why each user sees a customer ("Chia sẻ" tab): its share rows (manual share by whom, "Giao cho",
 * a multi-assign rule by name), and its live records shared with them: per transfer batch not
 * undone that gave them the customer, how many of each kind it shared (the batch rule of
 * recordVisible: the kinds of its options, records that existed then, held by someone else), and
 * any records shared one by one. A share with a department is listed once per active user it
 * reaches now (in the department or under it; not its owner), naming the department: SPEC's answer is per user.
 * Users by name, then share rows before record shares.
 */
export async function listCustomerShares(db: Knex, customerId: number): Promise<CustomerShare[]> {
  const { rows } = await db.raw<{ rows: ShareReasonRow[] }>(
    `WITH kinds (record_type, info_type, option, position) AS (${shareableKinds}),
     records AS (${customerRecords}),
     shared_records AS (
       SELECT t.to_owner_id AS user_id, b.id AS batch_id, r.record_type, count(*)::int AS n, b.created_at AS at
         FROM transfer_batch_customers t
         JOIN transfer_batches b ON b.id = t.batch_id AND b.undone_at IS NULL
         JOIN kinds k ON b.options @> jsonb_build_object(k.option, true)
         JOIN records r ON r.record_type = k.record_type AND r.created_at <= b.created_at AND r.owner_id <> t.to_owner_id
        WHERE t.customer_id = :customerId
        GROUP BY t.to_owner_id, b.id, r.record_type
       UNION ALL
       SELECT rs.user_id, NULL, r.record_type, count(*)::int, max(rs.created_at)
         FROM records r JOIN record_shares rs ON rs.record_type = r.record_type AND rs.record_id = r.id
        GROUP BY rs.user_id, r.record_type
     ), reasons AS (
       SELECT s.user_id, s.department_id, s.source, s.info_types, s.created_by AS by_id, s.created_at AS at, m.name AS rule_name,
              NULL::bigint AS batch_id, '[]'::jsonb AS records, 0 AS rank
         FROM customer_shares s LEFT JOIN multi_assign_rules m ON m.id = s.rule_id
        WHERE s.customer_id = :customerId
       UNION ALL
       SELECT sr.user_id, NULL, 'transfer', array_agg(k.info_type ORDER BY k.position), b.created_by, coalesce(b.created_at, max(sr.at)), NULL,
              sr.batch_id, jsonb_agg(jsonb_build_object('type', sr.record_type, 'count', sr.n) ORDER BY k.position), 1
         FROM shared_records sr
         JOIN kinds k ON k.record_type = sr.record_type
         LEFT JOIN transfer_batches b ON b.id = sr.batch_id
        GROUP BY sr.user_id, sr.batch_id, b.created_by, b.created_at
     )
     SELECT u.id AS user_id, u.full_name AS user_name, r.department_id, d.name AS department_name,
            r.info_types, r.source, a.full_name AS by_name, r.at, r.rule_name, r.batch_id, r.records
       FROM reasons r
       LEFT JOIN departments d ON d.id = r.department_id
       JOIN users u ON u.id = r.user_id
                    OR (d.id IS NOT NULL AND u.active AND u.department_id IN (SELECT sub.id FROM departments sub WHERE sub.path LIKE d.path || '%')
                        AND u.id IS DISTINCT FROM (SELECT c.owner_id FROM customers c WHERE c.id = :customerId))
       LEFT JOIN users a ON a.id = r.by_id
      ORDER BY u.full_name, u.id, r.rank, r.source, r.department_id NULLS FIRST, r.at DESC, r.batch_id`,
    { customerId },
  );
  return rows.map((row) => ({
    userId: row.user_id, userName: row.user_name, departmentId: row.department_id, departmentName: row.department_name,
    infoTypes: row.info_types, source: row.source, sharedByName: row.by_name,
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

type DeletedCustomerRow = { id: number; code: string; name: string; owner_name: string | null; deleted_at: Date; deleted_by_name: string | null };

/**
 * The recycle bin (list engine): deleted customers the actor could edit (and so restore), last
 * deleted first; ties on the time by id.
 */
export const deletedCustomerList: ListSource<Record<string, never>, DeletedCustomer> = {
  name: 'deletedCustomers',
  // Customers, and the users and departments that decide who may edit them.
  versionedBy: ['crm_list_version'],
  idColumn: 'c.id',
  rows: (db, actor) => db('customers as c').whereNotNull('c.deleted_at').where(customerAccess(db, actor).editable()),
  sortModel: () => ({
    columns: { deletedAt: { expression: 'c.deleted_at', cast: 'timestamptz', nullable: false } },
    defaultSort: 'deletedAt:desc',
    id: { expression: 'c.id', cast: 'bigint', nullable: false },
  }),
  hasTextSearch: () => false,
  load: async (db, _actor, ids) => {
    const rows: DeletedCustomerRow[] = await inIdOrder(db('customers as c'), 'c.id', ids)
      .leftJoin('users as o', 'o.id', 'c.owner_id')
      .leftJoin('users as d', 'd.id', 'c.deleted_by')
      .select('c.id', 'c.code', 'c.name', 'o.full_name as owner_name', 'c.deleted_at', 'd.full_name as deleted_by_name');
    return rows.map((row) => ({
      id: row.id, code: row.code, name: row.name, ownerName: row.owner_name, deletedAt: row.deleted_at.toISOString(), deletedByName: row.deleted_by_name,
    }));
  },
};
