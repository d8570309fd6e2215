import type { Knex } from 'knex';

/**
 * The activity list's two main orders (issue 14): `due` (open work by date, overdue first, then
 * done work newest first: what the Giao dịch grid opens on) and `date`. Without them every page of
 * an admin's or manager's list sorted all their live activities (5M at the bench's scale) before
 * taking 100; with them a first page walks the index and stops at the page. The expressions are
 * exactly the ORDER BY of `history/repository.ts` (`sortExpressions`), or the planner cannot use them.
 * Cost: a transfer moving open activities writes two more index entries per activity.
 */
const up = `
CREATE INDEX activities_due ON activities ((status = 'done'), (CASE WHEN status <> 'done' THEN date END), date DESC, id DESC)
  WHERE deleted_at IS NULL;
CREATE INDEX activities_date ON activities (date DESC, id DESC) WHERE deleted_at IS NULL;
`;

const down = `
DROP INDEX activities_date;
DROP INDEX activities_due;
`;

export const activityListIndexes = {
  name: '20261202_0026_activity_list_indexes',
  up: (knex: Knex) => knex.raw(up),
  down: (knex: Knex) => knex.raw(down),
};
