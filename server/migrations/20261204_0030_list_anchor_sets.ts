import type { Knex } from 'knex';

/**
 * Anchors shared by every server process on the database (issue 14): a process that has not seen
 * a sort or filter took 0.25–1.0 s at 1M customers to number the list for its first deep block,
 * although another process had just done it at the same list version. `list_anchor_sets` holds the
 * latest anchors of each list (key: list, scope, filter and sort, as in the engine's cache) with
 * the version they were built at; `server/list/sharedAnchors.ts` reads and writes it.
 * Unlogged: a cache, not data (emptied after a crash, rebuilt on demand).
 */
const up = `
CREATE UNLOGGED TABLE list_anchor_sets (
  key text PRIMARY KEY,
  version text NOT NULL,
  anchors jsonb NOT NULL,
  built_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX list_anchor_sets_built_at ON list_anchor_sets (built_at);
`;

export const listAnchorSets = {
  name: '20261204_0030_list_anchor_sets',
  up: (knex: Knex) => knex.raw(up),
  down: (knex: Knex) => knex.raw('DROP TABLE list_anchor_sets'),
};
