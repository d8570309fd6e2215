import type { SortColumn } from '../../list/sortKeys';

/** A due day as a number (days since 2000-01-01): the key does not change at midnight, days left do. */
const dayNumber = `d.due_on - DATE '2000-01-01'`;
const dueCustomers = (test: string) => `c.id = ANY(ARRAY(SELECT d.customer_id FROM customer_pool_due d WHERE ${test}))`;

/**
 * The `poolDaysLeft` sort ("Còn lại"): days left = due day − today, so the list sorts by the due
 * day in `customer_pool_due` (migration 0020); customers without one (no enabled rule can take
 * them, pool customers) have none and sort last ascending, like every empty value. Nothing is
 * computed per row: pages select a due day's customers through `customer_pool_due_day` as an id
 * array (like the owner and type sorts' mirrors), and anchors take each customer's key by one join.
 */
export const poolDueSort: SortColumn = {
  expression: `(SELECT ${dayNumber} FROM customer_pool_due d WHERE d.customer_id = c.id)`,
  cast: 'integer',
  nullable: true,
  manyTies: true,
  conditions: {
    equal: (db, value) => db.raw(dueCustomers(`d.due_on = DATE '2000-01-01' + ?::int`), [value]),
    between: (db, low, high) => {
      const bounds = [
        ...(low === null ? [] : [`d.due_on > DATE '2000-01-01' + ?::int`]),
        ...(high === null ? [] : [`d.due_on < DATE '2000-01-01' + ?::int`]),
      ];
      return db.raw(dueCustomers(bounds.join(' AND ') || 'TRUE'), [low, high].filter((bound) => bound !== null));
    },
    isNull: (db) => db.raw('NOT EXISTS (SELECT 1 FROM customer_pool_due d WHERE d.customer_id = c.id)'),
  },
  ranking: { ref: 'c.id', ranks: `SELECT d.customer_id AS ref, ${dayNumber} AS rank FROM customer_pool_due d` },
};
