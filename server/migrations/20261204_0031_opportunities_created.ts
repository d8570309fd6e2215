import type { Knex } from 'knex';

/**
 * The Cơ hội grid opens newest first (created_at, id), and nothing indexed that order: every
 * first page sorted all 384,000 live opportunities of the 1M seed (80–100 ms). With the index a
 * page is a walk of 100 entries, at any depth between two anchors.
 */
export const opportunitiesCreated = {
  name: '20261204_0031_opportunities_created',
  up: (knex: Knex) => knex.raw('CREATE INDEX opportunities_created ON opportunities (created_at, id) WHERE deleted_at IS NULL'),
  down: (knex: Knex) => knex.raw('DROP INDEX opportunities_created'),
};
