import type { Knex } from 'knex';
import type { Actor } from '../../access/actor';
import { customerAccess } from '../../access/customerAccess';

/** Who a customer is shared with (shares, manual and automatic multi-assign). */
export async function listCustomerShares(db: Knex, customerId: number) {
  const rows = await db('customer_shares as s').join('users as u', 'u.id', 's.user_id')
    .where('s.customer_id', customerId)
    .orderBy(['u.full_name', 's.source'])
    .select('s.user_id', 'u.full_name', 's.info_types', 's.source');
  return rows.map((row) => ({ userId: row.user_id, userName: row.full_name, infoTypes: row.info_types, source: row.source }));
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
