import type { Knex } from 'knex';

/**
 * Type, owner, group and revenue sorts of the customer grid (issue 10).
 *
 * - `customers.revenue` keeps the sum of the customer's non-deleted contracts, maintained by
 *   statement triggers on `contracts`, so a revenue sort walks an index like the name sort does
 *   instead of summing every customer's contracts on every page (the list engine's anchors
 *   would otherwise need a full aggregate per block). (revenue, name, id): ties sort by name.
 *   A changed sum updates the customer row, which bumps `crm_list_version` like any customer write.
 * - Type, owner and group sorts are positions in the (few) types / users / groups ordered by
 *   name, computed per query: renaming a type must not rewrite its 300,000 customers. Renames
 *   and new types or groups reorder those lists, so they bump `crm_list_version` too (users
 *   already do).
 */
const up = `
ALTER TABLE customers ADD COLUMN revenue numeric(18,2) NOT NULL DEFAULT 0;
UPDATE customers c SET revenue = s.total
  FROM (SELECT customer_id, sum(value) AS total FROM contracts WHERE deleted_at IS NULL GROUP BY customer_id) s
 WHERE c.id = s.customer_id AND c.revenue <> s.total;
CREATE INDEX customers_revenue_name ON customers (revenue, name, id) WHERE deleted_at IS NULL;

-- Set-based (one aggregate for all the ids), so a bulk load of contracts costs one statement.
CREATE FUNCTION crm_refresh_revenue(customer_ids bigint[]) RETURNS void LANGUAGE sql AS $$
  UPDATE customers c SET revenue = coalesce(s.total, 0)
    FROM (SELECT DISTINCT unnest(customer_ids) AS id) i
    LEFT JOIN (SELECT k.customer_id, sum(k.value) AS total FROM contracts k
                WHERE k.customer_id = ANY(customer_ids) AND k.deleted_at IS NULL GROUP BY k.customer_id) s ON s.customer_id = i.id
   WHERE c.id = i.id AND c.revenue IS DISTINCT FROM coalesce(s.total, 0)
$$;

-- Transition tables allow one event and no column list per trigger: three triggers share this function.
CREATE FUNCTION crm_contracts_revenue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN PERFORM crm_refresh_revenue(ARRAY(SELECT customer_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN PERFORM crm_refresh_revenue(ARRAY(SELECT customer_id FROM old_rows));
  ELSE
    -- Only rows whose amount, customer or deletion changed (not e.g. a transfer's new owner_id).
    PERFORM crm_refresh_revenue(ARRAY(
      SELECT unnest(ARRAY[o.customer_id, n.customer_id]) FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE (o.customer_id, o.value, o.deleted_at) IS DISTINCT FROM (n.customer_id, n.value, n.deleted_at)));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER contracts_revenue_insert AFTER INSERT ON contracts
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION crm_contracts_revenue();
CREATE TRIGGER contracts_revenue_update AFTER UPDATE ON contracts
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION crm_contracts_revenue();
CREATE TRIGGER contracts_revenue_delete AFTER DELETE ON contracts
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION crm_contracts_revenue();

CREATE TRIGGER customer_types_list_version AFTER INSERT OR UPDATE OR DELETE ON customer_types
  FOR EACH STATEMENT EXECUTE FUNCTION crm_bump_list_version();
CREATE TRIGGER customer_groups_list_version AFTER INSERT OR UPDATE OR DELETE ON customer_groups
  FOR EACH STATEMENT EXECUTE FUNCTION crm_bump_list_version();
`;

const down = `
DROP TRIGGER customer_groups_list_version ON customer_groups;
DROP TRIGGER customer_types_list_version ON customer_types;
DROP TRIGGER contracts_revenue_delete ON contracts;
DROP TRIGGER contracts_revenue_update ON contracts;
DROP TRIGGER contracts_revenue_insert ON contracts;
DROP FUNCTION crm_contracts_revenue();
DROP FUNCTION crm_refresh_revenue(bigint[]);
ALTER TABLE customers DROP COLUMN revenue;
`;

export const customerSortIndexes = {
  name: '20261202_0009_customer_sort_indexes',
  // The backfill rewrites every customer with contracts, which clears the visibility map the
  // index-only scans of every list's anchors rely on (name anchors took 5× longer until a vacuum).
  // VACUUM cannot run in a transaction, so the DDL takes its own one.
  config: { transaction: false },
  up: async (knex: Knex) => {
    await knex.transaction((trx) => trx.raw(up));
    await knex.raw('VACUUM (ANALYZE) customers');
  },
  down: (knex: Knex) => knex.transaction((trx) => trx.raw(down)),
};
