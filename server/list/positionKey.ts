import type { SortColumn, Value, ValueRange } from './sortKeys';

/*
 * Sort keys that are a row's position in a short ordered list (its owner among users by name,
 * its type among types): the list is an InitPlan array, a page of positions a slice of it.
 */

const maxPosition = 2147483647;

/** Positions strictly between low and high (null = unbounded) as a 1-based slice `[from, to]`, or null when there are none. */
export function positions(low: Value, high: Value): [number, number] | null {
  const from = low === null ? 1 : Number(low) + 1;
  const to = high === null ? maxPosition : Number(high) - 1;
  return from <= to ? [from, to] : null;
}

/**
 * How to find the rows of some values of a position list's column through an index:
 * `matching(test)` the rows whose value passes `test` (`= x`, `= ANY(xs)`); `ranking(list)`
 * the key as a join for anchors (see SortColumn.ranking).
 */
export type PositionIndex = {
  matching: (test: string) => string;
  ranking: (list: string) => NonNullable<SortColumn['ranking']>;
  /** Finds the rows without a value, when the index holds them (NULL). */
  missing?: string;
};

/** The position of a row's type / owner in a short list ordered by name (then id); NULL without one. */
export function positionIn(column: string, orderedIds: string, index: PositionIndex, withinValue?: (list: string) => ValueRange): SortColumn {
  // ARRAY(subquery) runs once per query (an InitPlan); a slice of it selects the rows of a range of positions.
  const list = `ARRAY(${orderedIds})`;
  return {
    expression: `array_position(${list}, ${column})`,
    cast: 'integer',
    nullable: true,
    manyTies: true,
    conditions: {
      equal: (db, value) => db.raw(index.matching(`= (${list})[?::int]`), [value]),
      between: (db, low, high) => {
        const slice = positions(low, high);
        return slice && db.raw(index.matching(`= ANY((${list})[?::int : ?::int])`), slice);
      },
      // The last block of an ascending sort: rows without a value (customers without a type: through customer_keys).
      isNull: (db) => db.raw(index.missing ?? `${column} IS NULL`),
    },
    ranking: index.ranking(list),
    withinValue: withinValue?.(list),
  };
}


/** Users in name order: the list an owner sorts by (customers, history records, opportunities). */
export const usersByName = 'SELECT u.id FROM users u ORDER BY u.full_name, u.id';

/** A column with an index of its own (activities.owner_id): its rows are found directly, ranks joined on it. */
export function indexedColumn(column: string): PositionIndex {
  return {
    matching: (test) => `${column} ${test}`,
    ranking: (list) => ({ ref: column, ranks: `SELECT p.id AS ref, p.rank FROM unnest(${list}) WITH ORDINALITY AS p(id, rank)` }),
  };
}
