import type { Knex } from 'knex';

/**
 * Who made a customer's current version (issue 12): a stale in-cell edit (409) shows who changed
 * the customer and when. Every statement that gives a customer a new version sets `updated_by` to
 * its actor, next to `updated_at`.
 *
 * No foreign key: users are never hard-deleted, and a bulk action (mass update, transfer) would
 * check it row by row on 100,000 customers (see migrations 0015 and 0016). No index either: an
 * indexed column would make every update of it a non-HOT update (migration 0014), and nothing
 * searches by it. Existing customers start with NULL ("unknown").
 */
export const customerUpdatedBy = {
  name: '20261202_0017_customer_updated_by',
  up: (knex: Knex) => knex.raw('ALTER TABLE customers ADD COLUMN updated_by bigint'),
  down: (knex: Knex) => knex.raw('ALTER TABLE customers DROP COLUMN updated_by'),
};
