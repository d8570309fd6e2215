import type { Knex } from 'knex';
import type { CustomerSortField } from '../../../shared/schemas/enums';
import type { Actor } from '../../access/actor';
import { customerAccess } from '../../access/customerAccess';
import { poolDueSort } from '../pool/poolDueSort';

type Cast = 'text' | 'integer' | 'timestamptz' | 'bigint' | 'numeric';
type Value = string | number | null;

/** A WHERE condition; null when it can match no row (an empty range of positions), so it is left out. */
type Condition = Knex.Raw | null;

/**
 * A key's conditions, for keys whose expression no index orders (a rank computed per query, a
 * masked amount): each is written so that an index on the underlying column can find the rows.
 * `between` is exclusive, in ascending value order, null = unbounded, and never matches a NULL key.
 */
type KeyConditions = {
  equal: (db: Knex, value: string | number) => Condition;
  between: (db: Knex, low: Value, high: Value) => Condition;
  isNull: (db: Knex) => Condition;
};

export type SortColumn = {
  expression: string | Knex.Raw;
  cast: Cast;
  nullable: boolean;
  unique?: boolean;
  /** Many customers share a value (a type, an owner, 0 ₫): ties sort by name, like the default order. */
  thenByName?: boolean;
  conditions?: KeyConditions;
  /**
   * The key as a join with a `(ref, rank)` relation, for anchors over a whole list: cheaper than
   * evaluating the per-row expression (a 300-user array_position, a group subquery) a million
   * times. `ref` is the customer column the relation is joined on.
   */
  ranking?: { ref: string; ranks: string };
  /** The rows of one value of the key in a range of (name, id), when a side table indexes (key, name, id). */
  withinValue?: ValueRange;
};

/**
 * The rows having `value` for a key whose (name, id) lie from `from` (included) to `to`
 * (excluded) in `direction`; a null bound is open. A page inside one type is then a range of
 * (type_id, name, customer_id) in customer_keys (migration 0019), as the dropped
 * customers_type_name gave, instead of the ids of every customer of that type (half a million for
 * the biggest type at 1M: seconds per page).
 */
type ValueRange = (db: Knex, value: Value, from: Value[] | null, to: Value[] | null, direction: 'asc' | 'desc') => Condition;

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

export type SortKey = Omit<SortColumn, 'expression'> & { field: string; expression: Knex.Raw; direction: 'asc' | 'desc' };

const maxPosition = 2147483647;

/** Positions strictly between low and high (null = unbounded) as a 1-based slice `[from, to]`, or null when there are none. */
function positions(low: Value, high: Value): [number, number] | null {
  const from = low === null ? 1 : Number(low) + 1;
  const to = high === null ? maxPosition : Number(high) - 1;
  return from <= to ? [from, to] : null;
}

/**
 * How to find the customers of some values of a position list's column through an index:
 * `matching(test)` the customers whose value passes `test` (`= x`, `= ANY(xs)`); `ranking(list)`
 * the key as a join for anchors (see SortColumn.ranking).
 */
type PositionIndex = {
  matching: (test: string) => string;
  ranking: (list: string) => NonNullable<SortColumn['ranking']>;
  /** Finds the customers without a value, when the index holds them (NULL). */
  missing?: string;
};

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

/** The position of a customer's type / owner in a short list ordered by name (then id); NULL without one. */
function positionIn(column: string, orderedIds: string, index: PositionIndex, withinValue?: (list: string) => ValueRange): SortColumn {
  // ARRAY(subquery) runs once per query (an InitPlan); a slice of it selects the rows of a range of positions.
  const list = `ARRAY(${orderedIds})`;
  return {
    expression: `array_position(${list}, ${column})`,
    cast: 'integer',
    nullable: true,
    thenByName: true,
    conditions: {
      equal: (db, value) => db.raw(index.matching(`= (${list})[?::int]`), [value]),
      between: (db, low, high) => {
        const slice = positions(low, high);
        return slice && db.raw(index.matching(`= ANY((${list})[?::int : ?::int])`), slice);
      },
      // The last block of an ascending sort: customers without a type, found through customer_keys.
      isNull: (db) => db.raw(index.missing ?? `${column} IS NULL`),
    },
    ranking: index.ranking(list),
    withinValue: withinValue?.(list),
  };
}

const typePosition = positionIn('c.type_id', 'SELECT t.id FROM customer_types t ORDER BY t.name, t.id', mirrorIndex('customer_keys', 'type_id'),
  (list) => customerKeysRange('type_id', `(${list})[?::int]`));
const ownerPosition = positionIn('c.owner_id', 'SELECT u.id FROM users u ORDER BY u.full_name, u.id', mirrorIndex('customer_owners', 'owner_id'));

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
  thenByName: true,
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
  thenByName: true,
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
  const plain: SortColumn = { expression: 'c.revenue', cast: 'numeric', nullable: false, thenByName: true };
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

const idKey: SortColumn = { expression: 'c.id', cast: 'bigint', nullable: false };

/**
 * `name:asc,createdAt:desc` → sort keys, ending with a unique key (the id unless one is given) so
 * the order is total. Keys depend on the actor: revenue they may not see sorts as empty.
 */
export function parseSort(db: Knex, actor: Actor, sort: string | undefined): SortKey[] {
  const columns = sortColumns(db, actor);
  const keys: SortKey[] = [];
  const add = (field: string, column: SortColumn, direction: 'asc' | 'desc') => {
    if (keys.some((key) => key.field === field)) return;
    const expression = typeof column.expression === 'string' ? db.raw(column.expression) : column.expression;
    keys.push({ ...column, field, expression, direction });
  };
  for (const part of (sort || 'name:asc').split(',')) {
    const [field, direction] = part.split(':') as [CustomerSortField, 'asc' | 'desc'];
    const column = columns[field];
    if (!column) continue;
    add(field, column, direction);
    // Keys after a unique one never decide anything; an extra id key would cost a sort (code order: 2.2 s vs 0.9 s).
    if (column.unique) return keys;
  }
  const last = keys[keys.length - 1];
  if (last?.thenByName) add('name', columns.name, last.direction);
  add('id', idKey, keys[0]?.direction ?? 'asc');
  return keys;
}

/** Names the order (for cache keys): the SQL of some keys carries the actor's access rules. */
export function sortSignature(keys: SortKey[]): string {
  return keys.map((key) => `${key.field}:${key.direction}`).join(',');
}

export function orderBySql(db: Knex, keys: SortKey[]): Knex.Raw {
  // Postgres defaults: NULLS LAST ascending, NULLS FIRST descending; keyset conditions below assume them.
  return db.raw(keys.map((key) => `? ${key.direction}`).join(', '), keys.map((key) => key.expression));
}

/** Select list that returns each key as `k<first + index>` (timestamps as text keep microseconds). */
export function keySelectSql(db: Knex, keys: SortKey[], first = 0): Knex.Raw {
  return db.raw(keys.map((key, index) => `?${key.cast === 'timestamptz' ? '::text' : ''} AS k${first + index}`).join(', '), keys.map((key) => key.expression));
}

/** Keys whose order an index gives directly; others (ranks, masked revenue) page through anchors from the first row on. */
export function indexOrdered(keys: SortKey[]): boolean {
  return !keys[0].conditions;
}

/** Same-direction non-null plain keys: a range of them is one row comparison, which a btree index can range-scan. */
export function isUniform(keys: SortKey[]): boolean {
  return keys.every((key) => !key.nullable && !key.conditions && key.direction === keys[0].direction);
}

function all(db: Knex, parts: Condition[]): Condition {
  if (parts.some((part) => part === null)) return null;
  return parts.length ? db.raw(`(${parts.map(() => '?').join(' AND ')})`, parts) : db.raw('TRUE');
}

function any(db: Knex, parts: Condition[]): Condition {
  const possible = parts.filter((part): part is Knex.Raw => part !== null);
  return possible.length ? db.raw(`(${possible.map(() => '?').join(' OR ')})`, possible) : null;
}

const orFalse = (db: Knex, condition: Condition) => condition ?? db.raw('FALSE');

function conditionsOf(key: SortKey): KeyConditions {
  if (key.conditions) return key.conditions;
  const { expression, cast } = key;
  return {
    equal: (db, value) => db.raw(`? = ?::${cast}`, [expression, value]),
    between: (db, low, high) => {
      const bounds = [...(low === null ? [] : [db.raw(`? > ?::${cast}`, [expression, low])]), ...(high === null ? [] : [db.raw(`? < ?::${cast}`, [expression, high])])];
      return bounds.length ? all(db, bounds) : db.raw('? IS NOT NULL', [expression]);
    },
    isNull: (db) => db.raw('? IS NULL', [expression]),
  };
}

function equal(db: Knex, key: SortKey, value: Value): Condition {
  return value === null ? conditionsOf(key).isNull(db) : conditionsOf(key).equal(db, value);
}

/** The rest of the keys is (name, id) in one direction: the order of the side tables' (key, name, customer_id) indexes. */
function isNameThenId(rest: SortKey[]): boolean {
  return rest.length === 2 && rest[0].field === 'name' && rest[1].field === 'id' && rest[0].direction === rest[1].direction;
}

/** Rows with `value` for `key` and the `rest` of the keys from `from` (included) to `to` (excluded; null = open). */
function valueSpan(db: Knex, key: SortKey, rest: SortKey[], value: Value, from: Value[] | null, to: Value[] | null): Condition {
  if (key.withinValue && isNameThenId(rest)) return key.withinValue(db, value, from, to, rest[0].direction);
  return all(db, [equal(db, key, value), ...(from ? [atOrAfter(db, rest, from)] : []), ...(to ? [before(db, rest, to)] : [])]);
}

/** Rows strictly after (or before) `value` in this key's order. NULL counts as the highest value: last ascending, first descending. */
function beyond(db: Knex, key: SortKey, value: Value, side: 'after' | 'before'): Condition {
  const { between, isNull } = conditionsOf(key);
  const higher = (side === 'after') === (key.direction === 'asc');
  if (higher) return value === null ? null : key.nullable ? any(db, [between(db, value, null), isNull(db)]) : between(db, value, null);
  return value === null ? between(db, null, null) : between(db, null, value);
}

function rowComparison(db: Knex, keys: SortKey[], values: Value[], operator: string): Knex.Raw {
  const tuple = keys.map(() => '?').join(', ');
  const params = keys.map((key) => `?::${key.cast}`).join(', ');
  return db.raw(`(${tuple}) ${operator} (${params})`, [...keys.map((key) => key.expression), ...values]);
}

/** Rows at or after the row whose keys are `values`, in the order of `keys`. */
function atOrAfter(db: Knex, keys: SortKey[], values: Value[]): Condition {
  if (keys.length === 0) return db.raw('TRUE');
  if (isUniform(keys)) return rowComparison(db, keys, values, keys[0].direction === 'asc' ? '>=' : '<=');
  const [key, ...rest] = keys;
  return any(db, [beyond(db, key, values[0], 'after'), valueSpan(db, key, rest, values[0], values.slice(1), null)]);
}

/** Rows before the row whose keys are `values`: the upper bound of a page's range. */
function before(db: Knex, keys: SortKey[], values: Value[]): Condition {
  if (keys.length === 0) return null;
  if (isUniform(keys)) return rowComparison(db, keys, values, keys[0].direction === 'asc' ? '<' : '>');
  const [key, ...rest] = keys;
  return any(db, [beyond(db, key, values[0], 'before'), valueSpan(db, key, rest, values[0], null, values.slice(1))]);
}

/**
 * WHERE clause for the rows from anchor `from` (included) to anchor `to` (excluded; none = to the
 * end). Keys that do not form one row comparison are split into pieces an index can each seek:
 * leading keys with one value over the page (one type, one owner) become equalities; the keys
 * after them are a row comparison where they can be, else the rest of `from`'s value, the
 * values strictly between, and the start of `to`'s value.
 */
export function pageRange(db: Knex, keys: SortKey[], from: Value[], to?: Value[]): Knex.Raw {
  if (!to) return orFalse(db, atOrAfter(db, keys, from));
  if (isUniform(keys)) return orFalse(db, all(db, [atOrAfter(db, keys, from), before(db, keys, to)]));
  let split = 0;
  while (split < keys.length - 1 && from[split] === to[split]) split++;
  if (split === 1 && keys[0].withinValue && isNameThenId(keys.slice(1))) return orFalse(db, valueSpan(db, keys[0], keys.slice(1), from[0], from.slice(1), to.slice(1)));
  const prefix = keys.slice(0, split).map((key, index) => equal(db, key, from[index]));
  const tail = keys.slice(split);
  if (isUniform(tail)) return orFalse(db, all(db, [...prefix, atOrAfter(db, tail, from.slice(split)), before(db, tail, to.slice(split))]));
  const [key, ...rest] = tail;
  const [low, high] = key.direction === 'asc' ? [from[split], to[split]] : [to[split], from[split]];
  return orFalse(db, all(db, [
    ...prefix,
    any(db, [
      valueSpan(db, key, rest, from[split], from.slice(split + 1), null),
      conditionsOf(key).between(db, low, high),
      valueSpan(db, key, rest, to[split], null, to.slice(split + 1)),
    ]),
  ]));
}
