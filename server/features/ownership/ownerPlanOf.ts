import type { Knex } from 'knex';
import type { OwnerPlan } from './changeOwners';

export type PlannedOwner = { customerId: number; ownerId: number; expectedVersion: number };

/** A changeOwners plan from a few rows known in JS (a customer edit); bulk callers plan in SQL. */
export function ownerPlanOf(db: Knex, rows: PlannedOwner[]): OwnerPlan {
  return {
    source: db.raw('SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::int[]) AS p(customer_id, owner_id, expected_version)', [
      rows.map((row) => row.customerId), rows.map((row) => row.ownerId), rows.map((row) => row.expectedVersion),
    ]),
  };
}
