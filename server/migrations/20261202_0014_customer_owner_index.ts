import type { Knex } from 'knex';

/**
 * Owner changes as HOT updates (issue 11): `customer_owners` is the index of `customers.owner_id`,
 * kept outside the customers table.
 *
 * A change of an indexed column cannot be a HOT update: it inserts into every index of the row,
 * and `customers` has 17 (the trigram GIN, the ICU-collated name indexes, …). With
 * `customers_owner_name (owner_id, name, id)` in place, moving 89,000 of 1M customers to another
 * owner took 28 s; without any index on `owner_id` the same UPDATE is HOT for 99% of the rows and
 * takes 4.3 s. Transfers, undo and pool recycle/claim change owners in bulk, so nothing on
 * `customers` may index `owner_id` again. `customers.owner_id` stays the truth (with its FK); this
 * table only answers "which customers does this owner have" (the access rules, the owner filter)
 * from two small indexes, and changing it rewrites a narrow row.
 *
 * Rows exist for every customer with an owner, deleted ones too (the predicates check
 * `customers.deleted_at`). Statement-level triggers with transition tables keep it exact in the
 * same statement as the change, set-based, so a 100,000-row transfer costs a few joins, not
 * 100,000 trigger calls.
 */
const up = `
CREATE TABLE customer_owners (customer_id bigint NOT NULL, owner_id bigint NOT NULL);
INSERT INTO customer_owners (customer_id, owner_id) SELECT id, owner_id FROM customers WHERE owner_id IS NOT NULL ORDER BY id;
ALTER TABLE customer_owners ADD PRIMARY KEY (customer_id);
CREATE INDEX customer_owners_owner ON customer_owners (owner_id, customer_id);
ANALYZE customer_owners;
DROP INDEX customers_owner_name;

-- Transition tables allow one event and no column list (not UPDATE OF owner_id) per trigger: the
-- three triggers share this function, and an UPDATE that keeps every owner costs one join.
CREATE FUNCTION crm_customer_owners() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO customer_owners (customer_id, owner_id) SELECT id, owner_id FROM new_rows WHERE owner_id IS NOT NULL;
  ELSIF TG_OP = 'DELETE' THEN
    DELETE FROM customer_owners m USING old_rows o WHERE m.customer_id = o.id AND o.owner_id IS NOT NULL;
  ELSE
    WITH changed AS MATERIALIZED (
      SELECT n.id, n.owner_id FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE n.owner_id IS DISTINCT FROM o.owner_id
    ), released AS (
      DELETE FROM customer_owners m USING changed ch WHERE m.customer_id = ch.id AND ch.owner_id IS NULL
    )
    INSERT INTO customer_owners (customer_id, owner_id) SELECT id, owner_id FROM changed WHERE owner_id IS NOT NULL
    ON CONFLICT (customer_id) DO UPDATE SET owner_id = excluded.owner_id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER customers_owner_index_insert AFTER INSERT ON customers
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION crm_customer_owners();
CREATE TRIGGER customers_owner_index_update AFTER UPDATE ON customers
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION crm_customer_owners();
CREATE TRIGGER customers_owner_index_delete AFTER DELETE ON customers
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION crm_customer_owners();

-- TRUNCATE has no transition table (the scale seed truncates customers before loading them).
CREATE FUNCTION crm_customer_owners_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE customer_owners;
  RETURN NULL;
END $$;
CREATE TRIGGER customers_owner_index_truncate AFTER TRUNCATE ON customers
  FOR EACH STATEMENT EXECUTE FUNCTION crm_customer_owners_truncate();
`;

const down = `
DROP TRIGGER customers_owner_index_truncate ON customers;
DROP TRIGGER customers_owner_index_delete ON customers;
DROP TRIGGER customers_owner_index_update ON customers;
DROP TRIGGER customers_owner_index_insert ON customers;
DROP FUNCTION crm_customer_owners_truncate();
DROP FUNCTION crm_customer_owners();
DROP TABLE customer_owners;
CREATE INDEX customers_owner_name ON customers (owner_id, name, id) WHERE deleted_at IS NULL;
`;

export const customerOwnerIndex = {
  name: '20261202_0014_customer_owner_index',
  up: (knex: Knex) => knex.raw(up),
  down: (knex: Knex) => knex.raw(down),
};
