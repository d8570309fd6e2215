import type { Knex } from 'knex';

/**
 * Mass updates of type and care status as HOT updates (issue 12): `customer_keys` is the index of
 * `customers.type_id` and `customers.care_status`, kept outside the customers table, as
 * `customer_owners` is for `owner_id` (migration 0014, whose comment explains the cost).
 *
 * `customers_type_name (type_id, name, id)` and `customers_care_status_name (care_status, name,
 * id)` made every change of a type or care status a non-HOT update inserting into all of the
 * table's indexes, so a mass update of 100,000 customers could not stay under 10 s. The columns on `customers` stay the truth; this table
 * answers "which customers have this type / care status" (the filters, the type sort's ranges,
 * the counts of the managed lists) from two narrow indexes.
 *
 * Rows exist for live customers only (`deleted_at IS NULL`), as the partial indexes it replaces
 * held only those: a count per type is an index-only scan, and the recycle bin deletes and restores
 * rows. Statement-level triggers with transition tables keep it exact in the same statement,
 * set-based: an UPDATE that changes neither column nor `deleted_at` costs one join.
 */
const up = `
CREATE TABLE customer_keys (customer_id bigint NOT NULL, type_id bigint, care_status text);
INSERT INTO customer_keys (customer_id, type_id, care_status)
  SELECT id, type_id, care_status FROM customers WHERE deleted_at IS NULL ORDER BY id;
ALTER TABLE customer_keys ADD PRIMARY KEY (customer_id);
CREATE INDEX customer_keys_type ON customer_keys (type_id, customer_id);
CREATE INDEX customer_keys_care_status ON customer_keys (care_status, customer_id);
ANALYZE customer_keys;
DROP INDEX customers_type_name;
DROP INDEX customers_care_status_name;

CREATE FUNCTION crm_customer_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO customer_keys (customer_id, type_id, care_status) SELECT id, type_id, care_status FROM new_rows WHERE deleted_at IS NULL;
  ELSIF TG_OP = 'DELETE' THEN
    DELETE FROM customer_keys k USING old_rows o WHERE k.customer_id = o.id;
  ELSE
    -- Plain UPDATE / INSERT / DELETE per kind of change: an upsert of 100,000 rows costs more.
    WITH changed AS MATERIALIZED (
      SELECT n.id, n.type_id, n.care_status, o.deleted_at IS NULL AS was_live, n.deleted_at IS NULL AS is_live
        FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE (o.deleted_at IS NULL) <> (n.deleted_at IS NULL)
          OR (n.deleted_at IS NULL AND (n.type_id IS DISTINCT FROM o.type_id OR n.care_status IS DISTINCT FROM o.care_status))
    ), updated AS (
      UPDATE customer_keys k SET type_id = ch.type_id, care_status = ch.care_status
        FROM changed ch WHERE k.customer_id = ch.id AND ch.was_live AND ch.is_live
    ), removed AS (
      DELETE FROM customer_keys k USING changed ch WHERE k.customer_id = ch.id AND ch.was_live AND NOT ch.is_live
    )
    INSERT INTO customer_keys (customer_id, type_id, care_status) SELECT id, type_id, care_status FROM changed WHERE is_live AND NOT was_live;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER customers_keys_insert AFTER INSERT ON customers
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION crm_customer_keys();
CREATE TRIGGER customers_keys_update AFTER UPDATE ON customers
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION crm_customer_keys();
CREATE TRIGGER customers_keys_delete AFTER DELETE ON customers
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION crm_customer_keys();

CREATE FUNCTION crm_customer_keys_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE customer_keys;
  RETURN NULL;
END $$;
CREATE TRIGGER customers_keys_truncate AFTER TRUNCATE ON customers
  FOR EACH STATEMENT EXECUTE FUNCTION crm_customer_keys_truncate();
`;

const down = `
DROP TRIGGER customers_keys_truncate ON customers;
DROP TRIGGER customers_keys_delete ON customers;
DROP TRIGGER customers_keys_update ON customers;
DROP TRIGGER customers_keys_insert ON customers;
DROP FUNCTION crm_customer_keys_truncate();
DROP FUNCTION crm_customer_keys();
DROP TABLE customer_keys;
CREATE INDEX customers_type_name ON customers (type_id, name, id) WHERE deleted_at IS NULL;
CREATE INDEX customers_care_status_name ON customers (care_status, name, id) WHERE deleted_at IS NULL;
`;

export const customerKeys = {
  name: '20261202_0018_customer_keys',
  up: (knex: Knex) => knex.raw(up),
  down: (knex: Knex) => knex.raw(down),
};
