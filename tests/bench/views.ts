import type { Knex } from 'knex';
import type { View } from './pageViews';

export type FilterValues = {
  bigTypeId: number; smallTypeId: number; groupId: number; bulkGroupId: number; stars: number[]; ownerId: number; phoneFragment: string;
};

/** Real ids and values from the seeded data, so every filter matches a realistic share. */
export async function discoverFilterValues(db: Knex): Promise<FilterValues> {
  const types = (await db.raw<{ rows: { id: number; n: number }[] }>(
    'SELECT type_id AS id, count(*)::int AS n FROM customers WHERE deleted_at IS NULL AND type_id IS NOT NULL GROUP BY 1 ORDER BY 2 DESC')).rows;
  const groups = (await db.raw<{ rows: { id: number; n: number }[] }>(
    'SELECT group_id AS id, count(*)::int AS n FROM customer_group_members GROUP BY 1 ORDER BY 2 DESC')).rows;
  const owners = (await db.raw<{ rows: { id: number; n: number }[] }>(`
    SELECT c.owner_id AS id, count(*)::int AS n FROM customers c JOIN users u ON u.id = c.owner_id
     WHERE c.deleted_at IS NULL AND u.role = 'staff' AND u.username NOT LIKE 'bench.%' GROUP BY 1 ORDER BY 2, 1`)).rows;
  const phone = (await db.raw<{ rows: { phone: string }[] }>(
    'SELECT phone FROM customers WHERE id >= 123457 AND phone IS NOT NULL AND deleted_at IS NULL ORDER BY id LIMIT 1')).rows[0]?.phone ?? '0912345678';
  return {
    bigTypeId: types[0].id,
    smallTypeId: types[types.length - 1].id,
    groupId: groups[Math.floor(groups.length / 2)].id,
    bulkGroupId: groups[groups.length - 1].id,
    stars: [4, 5],
    ownerId: owners[Math.floor(owners.length / 2)].id,
    phoneFragment: phone.slice(3, 9),
  };
}

/** The grid views the bench scrolls through, per role. */
export function pageViews(values: FilterValues): View[] {
  const all = ['first', 'random', 'deep', 'drag'] as const;
  const jumps = ['first', 'random', 'deep'] as const;
  return [
    { role: 'admin', name: 'name asc (default)', query: {}, patterns: [...all] },
    { role: 'admin', name: 'name desc', query: { sort: 'name:desc' }, patterns: [...jumps] },
    { role: 'admin', name: 'code asc', query: { sort: 'code:asc' }, patterns: [...jumps] },
    { role: 'admin', name: 'createdAt desc', query: { sort: 'createdAt:desc' }, patterns: [...jumps] },
    { role: 'admin', name: 'score desc', query: { sort: 'score:desc' }, patterns: [...jumps] },
    // Issue 10: ranks of types / owners / first groups computed per query, revenue from its maintained column.
    { role: 'admin', name: 'typeName asc', query: { sort: 'typeName:asc' }, patterns: [...jumps] },
    { role: 'admin', name: 'typeName desc', query: { sort: 'typeName:desc' }, patterns: [...jumps] },
    { role: 'admin', name: 'ownerName asc', query: { sort: 'ownerName:asc' }, patterns: [...all] },
    { role: 'admin', name: 'groups asc', query: { sort: 'groups:asc' }, patterns: [...all] },
    { role: 'admin', name: 'groups desc', query: { sort: 'groups:desc' }, patterns: [...jumps] },
    { role: 'admin', name: 'revenue desc', query: { sort: 'revenue:desc' }, patterns: [...jumps] },
    { role: 'admin', name: 'typeId (largest type)', query: { typeId: values.bigTypeId }, patterns: [...jumps] },
    { role: 'admin', name: 'typeId (two types)', query: { typeId: [values.bigTypeId, values.smallTypeId] }, patterns: [...jumps] },
    { role: 'admin', name: 'typeId (smallest type)', query: { typeId: values.smallTypeId }, patterns: [...jumps] },
    { role: 'admin', name: 'groupId', query: { groupId: values.groupId }, patterns: [...jumps] },
    { role: 'admin', name: 'stars 4,5', query: { stars: values.stars }, patterns: [...jumps] },
    { role: 'admin', name: 'ownerId (one staff)', query: { ownerId: values.ownerId }, patterns: [...jumps] },
    { role: 'admin', name: 'search "nguyen"', query: { search: 'nguyen' }, patterns: [...jumps] },
    { role: 'admin', name: 'search "hoang phat"', query: { search: 'hoang phat' }, patterns: [...jumps] },
    { role: 'admin', name: `search phone "${values.phoneFragment}"`, query: { search: values.phoneFragment }, patterns: ['first'] },
    { role: 'manager', name: 'name asc (default)', query: {}, patterns: [...all] },
    { role: 'manager', name: 'createdAt desc', query: { sort: 'createdAt:desc' }, patterns: [...jumps] },
    { role: 'manager', name: 'typeId (largest type)', query: { typeId: values.bigTypeId }, patterns: [...jumps] },
    { role: 'manager', name: 'ownerName asc', query: { sort: 'ownerName:asc' }, patterns: [...jumps] },
    { role: 'manager', name: 'groups asc', query: { sort: 'groups:asc' }, patterns: [...jumps] },
    { role: 'manager', name: 'revenue desc', query: { sort: 'revenue:desc' }, patterns: [...jumps] },
    { role: 'manager', name: 'search "nguyen"', query: { search: 'nguyen' }, patterns: [...jumps] },
    { role: 'staff', name: 'name asc (default)', query: {}, patterns: [...all] },
    { role: 'staff', name: 'createdAt desc', query: { sort: 'createdAt:desc' }, patterns: [...jumps] },
    { role: 'staff', name: 'revenue desc', query: { sort: 'revenue:desc' }, patterns: [...jumps] },
    { role: 'staff', name: 'typeName asc', query: { sort: 'typeName:asc' }, patterns: [...jumps] },
    { role: 'staff', name: 'search "nguyen"', query: { search: 'nguyen' }, patterns: [...jumps] },
    // Issue 14: the Giao dịch grid (5M activities at 1M customers) and the Cơ hội grid on the same engine.
    ...(['admin', 'manager', 'staff'] as const).flatMap((role): View[] => [
      { role, list: 'activities', name: 'activities due asc (default)', query: {}, patterns: [...all] },
      { role, list: 'activities', name: 'activities date desc', query: { sort: 'date:desc' }, patterns: [...jumps] },
      { role, list: 'activities', name: 'activities customerName asc', query: { sort: 'customerName:asc' }, patterns: [...jumps] },
      { role, list: 'opportunities', name: 'opportunities (default)', query: {}, patterns: [...jumps] },
    ]),
    { role: 'admin', list: 'activities', name: 'activities status done, date asc', query: { status: 'done', sort: 'date:asc' }, patterns: [...jumps] },
  ];
}
