import type { Knex } from 'knex';
import type { CustomerSortField } from '../../../shared/schemas/enums';
import type { Actor } from '../../access/actor';
import { customerAccess } from '../../access/customerAccess';
import { positionIn, positions, usersByName, type PositionIndex } from '../../list/positionKey';
import type { SortColumn, SortModel, Value, ValueRange } from '../../list/sortKeys';
import { poolDueSort } from '../pool/poolDueSort';

/*
 * The customer list's sort columns (list engine: server/list/). Keys whose columns have no index
 * of their own (owner, type, care status: those writes stay HOT) seek through side tables.
 */

/** ValueRange over `customer_keys.column`; `valueSql` turns the key's value into the column's (a type's position into its id). */
function customerKeysRange(column: 'type_id' | 'care_status', valueSql: string): ValueRange {
  return (db, value, from, to, direction) => {
    const [low, high] = direction === 'asc' ? ['>=', '<'] : ['<=', '>'];
    const parts = [value === null ? `m.${column} IS NULL` : `m.${column} = ${valueSql}`];
    const bindings: Value[] = value === null ? [] : [value];
    if (from) {
      parts.push(`(m.name, m.customer_id) ${low} (?::text, ?::bigint)`);
      bindings.push(...from);
    }
    if (to) {
      parts.push(`(m.name, m.customer_id) ${high} (?::text, ?::bigint)`);
      bindings.push(...to);
    }
    return db.raw(`c.id = ANY(ARRAY(SELECT m.customer_id FROM customer_keys m WHERE ${parts.join(' AND ')}))`, bindings);
  };
}

/**
 * customers.owner_id and type_id have no index (owner changes and mass updates stay HOT,
 * migrations 0014 and 0018): their index is a side table `mirror (customer_id, column)`. A value's
 * customers come from it as an id array, which a bitmap scan of the primary key can OR with the
 * other pieces of a page range; anchors walk the name index (index-only) and take each customer's
 * rank from the mirror by a join (2.4 s for 1M customers by owner; a sort by name of the whole
 * table to read owner_id from the rows took 4 s).
 */
const mirrorIndex = (mirror: 'customer_owners' | 'customer_keys', column: string): PositionIndex => ({
  matching: (test) => `c.id = ANY(ARRAY(SELECT m.customer_id FROM ${mirror} m WHERE m.${column} ${test}))`,
  // customer_keys has a row for every live customer, customer_owners only for those with an owner.
  missing: mirror === 'customer_keys' ? `c.id = ANY(ARRAY(SELECT m.customer_id FROM ${mirror} m WHERE m.${column} IS NULL))` : undefined,
  ranking: (list) => ({
    ref: 'c.id',
    ranks: `SELECT m.customer_id AS ref, r.rank FROM ${mirror} m JOIN unnest(${list}) WITH ORDINALITY AS r(id, rank) ON r.id = m.${column}`,
  }),
});

const typePosition = positionIn('c.type_id', 'SELECT t.id FROM customer_types t ORDER BY t.name, t.id', mirrorIndex('customer_keys', 'type_id'),
  (list) => customerKeysRange('type_id', `(${list})[?::int]`));
const ownerPosition = positionIn('c.owner_id', usersByName, mirrorIndex('customer_owners', 'owner_id'));

/**
 * Care status, through customer_keys (customers.care_status has no index, migration 0018): ties
 * by name like the type sort, pages as ranges of (care_status, name, customer_id), anchors from a
 * walk of the name index joined to the side table's values.
 */
const inCareStatuses = (test: string) => `c.id = ANY(ARRAY(SELECT m.customer_id FROM customer_keys m WHERE ${test}))`;
const careStatus: SortColumn = {
  expression: 'c.care_status',
  cast: 'text',
  nullable: true,
  manyTies: true,
  conditions: {
    equal: (db, value) => db.raw(inCareStatuses('m.care_status = ?::text'), [value]),
    between: (db, low, high) => db.raw(inCareStatuses([...(low === null ? [] : ['m.care_status > ?::text']), ...(high === null ? [] : ['m.care_status < ?::text']), 'm.care_status IS NOT NULL'].join(' AND ')),
      [low, high].filter((bound) => bound !== null)),
    isNull: (db) => db.raw(inCareStatuses('m.care_status IS NULL')),
  },
  ranking: { ref: 'c.id', ranks: 'SELECT m.customer_id AS ref, m.care_status AS rank FROM customer_keys m' },
  withinValue: customerKeysRange('care_status', '?::text'),
};

const groupList = 'ARRAY(SELECT g.id FROM customer_groups g ORDER BY g.name, g.id)';
const inGroups = (slice: string) =>
  `EXISTS (SELECT 1 FROM customer_group_members m WHERE m.customer_id = c.id AND m.group_id = ANY((${groupList})[${slice}]))`;

/** The customer's first group in name order (its position in the group list); NULL without groups, last when ascending. */
const firstGroup: SortColumn = {
  expression: `(SELECT min(array_position(${groupList}, m.group_id)) FROM customer_group_members m WHERE m.customer_id = c.id)`,
  cast: 'integer',
  nullable: true,
  manyTies: true,
  conditions: {
    equal: (db, value) => firstGroup.conditions!.between(db, Number(value) - 1, Number(value) + 1),
    // First group strictly between low and high: a member of one of those and of none before them.
    between: (db, low, high) => {
      const slice = positions(low, high);
      if (!slice) return null;
      const members = db.raw(inGroups('?::int : ?::int'), slice);
      return low === null ? members : db.raw(`? AND NOT ${inGroups('1 : ?::int')}`, [members, low]);
    },
    isNull: (db) => db.raw('NOT EXISTS (SELECT 1 FROM customer_group_members m WHERE m.customer_id = c.id)'),
  },
  ranking: {
    ref: 'c.id',
    ranks: `SELECT m.customer_id AS ref, min(r.rank) AS rank FROM customer_group_members m
      JOIN unnest(${groupList}) WITH ORDINALITY AS r(id, rank) ON r.id = m.group_id GROUP BY m.customer_id`,
  },
};

/**
 * Revenue as the actor sees it: NULL (shown empty) where they may not see the customer's
 * contracts, so the order never reveals a hidden amount. Conditions go through the
 * (revenue, name, id) index and keep the visibility test.
 */
function visibleRevenue(db: Knex, actor: Actor): SortColumn {
  const plain: SortColumn = { expression: 'c.revenue', cast: 'numeric', nullable: false, manyTies: true };
  if (actor.role === 'admin') return plain;
  const visible = customerAccess(db, actor).infoVisible('contracts');
  return {
    ...plain,
    expression: db.raw('CASE WHEN ? THEN c.revenue END', [visible]),
    nullable: true,
    conditions: {
      equal: (db, value) => db.raw('c.revenue = ?::numeric AND ?', [value, visible]),
      between: (db, low, high) => db.raw(`${low === null ? '' : 'c.revenue > ?::numeric AND '}${high === null ? '' : 'c.revenue < ?::numeric AND '}?`,
        [...[low, high].filter((bound) => bound !== null), visible]),
      // IS NOT TRUE: the access predicate is NULL, not false, for a customer without owner.
      isNull: (db) => db.raw('(?) IS NOT TRUE', [visible]),
    },
  };
}

function sortColumns(db: Knex, actor: Actor): Record<CustomerSortField, SortColumn> {
  return {
    name: { expression: 'c.name', cast: 'text', nullable: false },
    code: { expression: 'c.code', cast: 'text', nullable: false, unique: true },
    email: { expression: 'c.email', cast: 'text', nullable: true },
    phone: { expression: 'c.phone', cast: 'text', nullable: true },
    taxCode: { expression: 'c.tax_code', cast: 'text', nullable: true },
    address: { expression: 'c.address', cast: 'text', nullable: true },
    score: { expression: 'c.score', cast: 'integer', nullable: false },
    stars: { expression: 'c.stars', cast: 'integer', nullable: false },
    careStatus,
    createdAt: { expression: 'c.created_at', cast: 'timestamptz', nullable: false },
    updatedAt: { expression: 'c.updated_at', cast: 'timestamptz', nullable: false },
    ownerAssignedAt: { expression: 'c.owner_assigned_at', cast: 'timestamptz', nullable: false },
    typeName: typePosition,
    ownerName: ownerPosition,
    groups: firstGroup,
    revenue: visibleRevenue(db, actor),
    poolDaysLeft: poolDueSort,
  };
}

/** Keys depend on the actor: revenue they may not see sorts as empty. */
export function customerSortModel(db: Knex, actor: Actor): SortModel {
  return { columns: sortColumns(db, actor), defaultSort: 'name:asc', tieField: 'name', id: { expression: 'c.id', cast: 'bigint', nullable: false } };
}

