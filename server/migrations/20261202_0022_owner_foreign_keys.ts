import type { Knex } from 'knex';

/**
 * No per-row foreign-key checks where a transfer writes a row per customer or activity (issue 11):
 * `customers.owner_id`, `customers.previous_owner_id`, `activities.owner_id`, and the `batch_id`
 * of `transfer_batch_customers` / `transfer_batch_activities`.
 *
 * A transfer of 100,000 customers with their open activities (134,000 at 1M) ran about 570,000 of
 * these checks, each a row trigger probing the referenced table: 8.6 s with them against 10.9 s
 * before, measured with the machine equally loaded. Every owner they check was just checked by the access module
 * (`ownerAssignableUsers`: an active user the actor may assign) or copied from the row itself
 * (the previous owner), and users are never hard-deleted (they are deactivated); the batch rows are
 * written in the statement after their batch, and batches are never deleted. The same reasoning
 * removed the bookkeeping tables' other keys (migration 0015).
 */
const constraints = [
  ['customers', 'customers_owner_id_fkey', 'owner_id'],
  ['customers', 'customers_previous_owner_id_fkey', 'previous_owner_id'],
  ['activities', 'activities_owner_id_fkey', 'owner_id'],
  ['transfer_batch_customers', 'transfer_batch_customers_batch_id_fkey', 'batch_id'],
  ['transfer_batch_activities', 'transfer_batch_activities_batch_id_fkey', 'batch_id'],
] as const;

export const ownerForeignKeys = {
  name: '20261202_0022_owner_foreign_keys',
  up: (knex: Knex) => knex.raw(constraints.map(([table, name]) => `ALTER TABLE ${table} DROP CONSTRAINT ${name};`).join('\n')),
  down: (knex: Knex) => knex.raw(constraints.map(([table, name, column]) =>
    `ALTER TABLE ${table} ADD CONSTRAINT ${name} FOREIGN KEY (${column}) REFERENCES ${column === 'batch_id' ? 'transfer_batches(id) ON DELETE CASCADE' : 'users(id)'};`).join('\n')),
};
