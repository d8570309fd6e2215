import type { Knex } from 'knex';

/**
 * Indexes in the orders of the lists moved onto the list engine (issue 14), so a page between two
 * anchors is an index range instead of a scan and sort of the table: the recycle bins (last
 * deleted first), contacts (by name) and products (by code; products_code is on lower(code) for
 * uniqueness, which is not the list's order). customers_deleted gains the id so pages need no sort.
 */
const up = `
DROP INDEX customers_deleted;
CREATE INDEX customers_deleted ON customers (deleted_at, id) WHERE deleted_at IS NOT NULL;
CREATE INDEX opportunities_deleted ON opportunities (deleted_at, id) WHERE deleted_at IS NOT NULL;
CREATE INDEX contacts_name ON contacts (first_name, last_name, id) WHERE deleted_at IS NULL;
CREATE INDEX products_code_order ON products (code) WHERE deleted_at IS NULL;
`;

const down = `
DROP INDEX products_code_order, contacts_name, opportunities_deleted, customers_deleted;
CREATE INDEX customers_deleted ON customers (deleted_at) WHERE deleted_at IS NOT NULL;
`;

export const engineListIndexes = {
  name: '20261203_0028_engine_list_indexes',
  up: (knex: Knex) => knex.raw(up),
  down: (knex: Knex) => knex.raw(down),
};
