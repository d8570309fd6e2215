import type { Knex } from 'knex';
import type { Customer } from '../../../shared/schemas/customers';
import { infoTypes } from '../../../shared/schemas/enums';
import type { Actor } from '../../access/actor';
import { customerAccess } from '../../access/customerAccess';
import { poolDaysLeft } from '../pool/poolDue';
import { prepared } from '../../db/prepared';

type CustomerRow = {
  id: number; code: string; name: string; tax_code: string | null; phone: string | null; email: string | null;
  address: string | null; owner_id: number | null; owner_name: string | null; type_id: number | null;
  type_name: string | null; group_ids: number[]; tier_id: number | null; tier_name: string | null; revenue: number | null; paid: number | null; score: number; stars: number;
  in_pool: boolean; previous_owner_id: number | null; previous_owner_name: string | null; pool_days_left: number | null; pool_entered_at: Date | null; care_status: string | null; owner_assigned_at: Date; tags: string[]; assigned_user_ids: number[];
  version: number; created_at: Date; updated_at: Date; updated_by_name: string | null; access: Customer['access']; info_types: string[];
};

/** Pool customers show their basic info to everyone; contact details wait until someone claims them. */
function withoutPoolDetails(customer: Customer): Customer {
  if (customer.access !== 'pool') return customer;
  return { ...customer, taxCode: null, phone: null, email: null, address: null, tags: [], assignedUserIds: [], revenue: null, paid: null, infoTypes: [], updatedByName: null };
}

function toCustomer(row: CustomerRow): Customer {
  return withoutPoolDetails({
    id: row.id, code: row.code, name: row.name, taxCode: row.tax_code, phone: row.phone, email: row.email,
    address: row.address, ownerId: row.owner_id, ownerName: row.owner_name, typeId: row.type_id, typeName: row.type_name,
    groupIds: row.group_ids, tierId: row.tier_id, tierName: row.tier_name, revenue: row.revenue, paid: row.paid, score: row.score, stars: row.stars, inPool: row.in_pool,
    previousOwnerId: row.previous_owner_id, previousOwnerName: row.previous_owner_name, poolDaysLeft: row.pool_days_left, poolEnteredAt: row.pool_entered_at ? row.pool_entered_at.toISOString() : null, careStatus: row.care_status, ownerAssignedAt: row.owner_assigned_at.toISOString(), tags: row.tags,
    assignedUserIds: row.assigned_user_ids, version: row.version, createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(), updatedByName: row.updated_by_name, access: row.access,
    // In the order of SPEC's list, whatever order the shares held them in.
    infoTypes: infoTypes.filter((infoType) => row.info_types.includes(infoType)),
  });
}

/** Full rows for `ids`, in the order given, with the caller's access level on each. */
export async function customersByIds(db: Knex, actor: Actor, ids: number[]): Promise<Customer[]> {
  if (ids.length === 0) return [];
  const access = customerAccess(db, actor);
  const rows: CustomerRow[] = await prepared(db('customers as c')
    .leftJoin('users as o', 'o.id', 'c.owner_id')
    .leftJoin('customer_types as t', 't.id', 'c.type_id')
    .leftJoin('tiers as tr', 'tr.id', 'c.tier_id')
    .leftJoin('users as u', 'u.id', 'c.updated_by')
    .leftJoin('users as po', 'po.id', 'c.previous_owner_id')
    // OFFSET 0 keeps the subquery from being pulled up, which would evaluate it once per use.
    .joinRaw('CROSS JOIN LATERAL (SELECT ? AS seen OFFSET 0) AS acc', [access.visibleInfoTypes()])
    .whereRaw('c.id = ANY(?::bigint[])', [ids])
    .select(
      'c.id', 'c.code', 'c.name', 'c.tax_code', 'c.phone', 'c.email', 'c.address', 'c.owner_id', 'o.full_name as owner_name',
      'c.type_id', 't.name as type_name', 'c.tier_id', 'tr.name as tier_name', 'c.score', 'c.stars', 'c.in_pool', 'c.previous_owner_id', 'po.full_name as previous_owner_name', 'c.pool_entered_at', 'c.care_status',
      'c.owner_assigned_at', 'c.tags', 'c.version', 'c.created_at', 'c.updated_at', 'u.full_name as updated_by_name',
      db.raw('ARRAY(SELECT m.group_id FROM customer_group_members m WHERE m.customer_id = c.id ORDER BY m.group_id) AS group_ids'),
      db.raw(`ARRAY(SELECT s.user_id FROM customer_shares s WHERE s.customer_id = c.id AND s.source = 'assigned' ORDER BY s.user_id) AS assigned_user_ids`),
      db.raw('? AS access', [access.level()]),
      poolDaysLeft(db),
      // c.revenue is the sum of the customer's live contracts, kept by triggers on contracts (migration 0009).
      db.raw(`CASE WHEN 'contracts' = ANY(acc.seen) THEN c.revenue END AS revenue`),
      db.raw(`CASE WHEN 'contracts' = ANY(acc.seen) THEN (SELECT coalesce(sum(p.amount), 0) FROM payments p WHERE p.customer_id = c.id AND p.deleted_at IS NULL) END AS paid`),
      'acc.seen as info_types',
    ));
  const byId = new Map(rows.map((row) => [row.id, toCustomer(row)]));
  return ids.map((id) => byId.get(id)).filter((customer): customer is Customer => customer !== undefined);
}

/** One customer the actor may read (not deleted), or undefined. */
export async function findReadableCustomer(db: Knex, actor: Actor, id: number): Promise<Customer | undefined> {
  const visible = await db('customers as c').where('c.id', id).whereNull('c.deleted_at').where(customerAccess(db, actor).readable()).first('c.id');
  if (!visible) return undefined;
  return (await customersByIds(db, actor, [id]))[0];
}
