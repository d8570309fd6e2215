import type { Knex } from 'knex';
import { isUniform, nullsAfter, type Condition, type KeyConditions, type SortKey, type Value } from './sortKeys';

/*
 * Keyset conditions over a list's sort keys: the rows between two anchors, written so that
 * indexes can seek them whatever the keys (plain columns, nullable ones, ranks with their own
 * conditions).
 */

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

/** The rest of the keys is (tie key, id) in one direction: the order of a side table's (key, tie key, id) index (ValueRange). */
function isTieThenId(rest: SortKey[]): boolean {
  return rest.length === 2 && Boolean(rest[0].isTie) && rest[1].field === 'id' && rest[0].direction === rest[1].direction;
}

/** Rows with `value` for `key` and the `rest` of the keys from `from` (included) to `to` (excluded; null = open). */
function valueSpan(db: Knex, key: SortKey, rest: SortKey[], value: Value, from: Value[] | null, to: Value[] | null): Condition {
  if (key.withinValue && isTieThenId(rest)) return key.withinValue(db, value, from, to, rest[0].direction);
  return all(db, [equal(db, key, value), ...(from ? [atOrAfter(db, rest, from)] : []), ...(to ? [before(db, rest, to)] : [])]);
}

/** Rows strictly after (or before) `value` in this key's order. NULL sorts after every value or before all of them (`nullsAfter`). */
function beyond(db: Knex, key: SortKey, value: Value, side: 'after' | 'before'): Condition {
  const { between, isNull } = conditionsOf(key);
  const nullsOnSide = (side === 'after') === nullsAfter(key);
  if (value === null) return nullsOnSide ? null : between(db, null, null);
  const higher = (side === 'after') === (key.direction === 'asc');
  const values = higher ? between(db, value, null) : between(db, null, value);
  return key.nullable && nullsOnSide ? any(db, [values, isNull(db)]) : values;
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
 * The first key's own bounds, implied by the row comparison but usable by an index of another
 * table: a row comparison over two tables (customer name, activity id) is no index condition, so
 * without them a page of activities by customer name scanned every activity.
 */
function leadingBounds(db: Knex, keys: SortKey[], from: Value[], to?: Value[]): Knex.Raw[] {
  if (keys.length < 2) return [];
  const [key] = keys;
  const [low, high] = key.direction === 'asc' ? ['>=', '<='] : ['<=', '>='];
  return [db.raw(`? ${low} ?::${key.cast}`, [key.expression, from[0]]), ...(to ? [db.raw(`? ${high} ?::${key.cast}`, [key.expression, to[0]])] : [])];
}

/**
 * WHERE clause for the rows from anchor `from` (included) to anchor `to` (excluded; none = to the
 * end). Keys that do not form one row comparison are split into pieces an index can each seek:
 * leading keys with one value over the page (one type, one owner) become equalities; the keys
 * after them are a row comparison where they can be, else the rest of `from`'s value, the
 * values strictly between, and the start of `to`'s value.
 */
export function pageRange(db: Knex, keys: SortKey[], from: Value[], to?: Value[]): Knex.Raw {
  if (isUniform(keys)) return orFalse(db, all(db, [atOrAfter(db, keys, from), ...(to ? [before(db, keys, to)] : []), ...leadingBounds(db, keys, from, to)]));
  if (!to) return orFalse(db, atOrAfter(db, keys, from));
  let split = 0;
  while (split < keys.length - 1 && from[split] === to[split]) split++;
  if (split === 1 && keys[0].withinValue && isTieThenId(keys.slice(1))) return orFalse(db, valueSpan(db, keys[0], keys.slice(1), from[0], from.slice(1), to.slice(1)));
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

/**
 * The last block of a list of uniform keys: from anchor `from` through the list's last row
 * `last` (included). Open-ended, the walk ran on past the last match to the end of the index
 * (the last block of "cong ty" by name: 1.0 s through the names after "Công ty").
 */
export function lastPageRange(db: Knex, keys: SortKey[], from: Value[], last: Value[]): Knex.Raw {
  return orFalse(db, all(db, [atOrAfter(db, keys, from), rowComparison(db, keys, last, keys[0].direction === 'asc' ? '<=' : '>='), ...leadingBounds(db, keys, from, last)]));
}
