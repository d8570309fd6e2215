import type { Knex } from 'knex';
import type { ColumnSpec } from '../../../shared/columns/ColumnSpec';
import type { CustomerFilter } from '../../../shared/schemas/customers';
import type { ExportRequest } from '../../../shared/schemas/exports';
import type { Actor } from '../../access/actor';
import { customerAccess } from '../../access/customerAccess';
import { normalizeFilter } from '../../features/customers/filters';
import { visibleCustomersQuery } from '../../features/customers/listCustomers';
import { customerSortModel } from '../../features/customers/sorting';
import { orderBySql, parseSort } from '../../list/sortKeys';
import { selectColumns, vnDate, type ColumnSql } from './selectColumns';

/**
 * Column SQL over `customers c` with the caller's access level `acc.lvl` joined: what
 * customersByIds masks, masked here the same way — pool customers show basic info only (no
 * contact details, tags or amounts), revenue only where the contracts info type is visible.
 */
function customerColumnSql(db: Knex, actor: Actor): ColumnSql {
  const access = customerAccess(db, actor);
  const unlessPool = (expression: string) => `CASE WHEN acc.lvl <> 'pool' THEN ${expression} END`;
  return {
    code: 'c.code', name: 'c.name',
    typeName: '(SELECT t.name FROM customer_types t WHERE t.id = c.type_id)',
    tierName: '(SELECT tr.name FROM tiers tr WHERE tr.id = c.tier_id)',
    groups: `(SELECT string_agg(g.name, ', ' ORDER BY m.group_id) FROM customer_group_members m JOIN customer_groups g ON g.id = m.group_id WHERE m.customer_id = c.id)`,
    phone: unlessPool('c.phone'), email: unlessPool('c.email'), taxCode: unlessPool('c.tax_code'), address: unlessPool('c.address'),
    ownerName: '(SELECT u.full_name FROM users u WHERE u.id = c.owner_id)',
    stars: 'c.stars', score: 'c.score',
    // c.revenue is kept by triggers on contracts (migration 0009); hidden where contracts are not visible.
    revenue: db.raw(`CASE WHEN acc.lvl <> 'pool' AND ? THEN c.revenue END`, [access.infoVisible('contracts')]),
    // A care status is an entry's coalesce(key, name); the sheet shows the entry's name.
    careStatus: `coalesce((SELECT cs.name FROM care_statuses cs WHERE coalesce(cs.key, cs.name) = c.care_status AND cs.deleted_at IS NULL LIMIT 1), c.care_status)`,
    tags: unlessPool(`nullif(array_to_string(c.tags, ', '), '')`),
    createdAt: vnDate('c.created_at'), ownerAssignedAt: vnDate('c.owner_assigned_at'),
    previousOwnerName: '(SELECT u.full_name FROM users u WHERE u.id = c.previous_owner_id)',
    poolDaysLeft: '(SELECT greatest(0, d.due_on - crm_vn_day(now())) FROM customer_pool_due d WHERE d.customer_id = c.id)',
  };
}

/** The customers an export writes: the grid's filter and sort, or the picked ids (those the actor may read). */
export function customerSource(db: Knex, actor: Actor, request: ExportRequest, columns: ColumnSpec[]) {
  const base = () => {
    const filter = request.ids ? {} : normalizeFilter((request.filter ?? {}) as CustomerFilter);
    const query = visibleCustomersQuery(db, actor, filter);
    if (request.excludeIds?.length) query.whereRaw('NOT (c.id = ANY(?::bigint[]))', [request.excludeIds]);
    return request.ids ? query.whereRaw('c.id = ANY(?::bigint[])', [request.ids]) : query;
  };
  const rows = selectColumns(db, base().joinRaw('CROSS JOIN LATERAL (SELECT ? AS lvl) AS acc', [customerAccess(db, actor).level()]), columns, customerColumnSql(db, actor))
    .orderByRaw(orderBySql(db, parseSort(db, customerSortModel(db, actor), request.sort)));
  return { rows, count: base().count<{ n: number }[]>('* as n') };
}
