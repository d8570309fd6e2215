import type { Knex } from 'knex';

/**
 * The name in `customer_keys` (migration 0018), indexed after the type and after the care status,
 * as the dropped `customers_type_name` / `customers_care_status_name` were.
 *
 * Types follow names ("Công ty …" are companies), so the first page of a type in name order walked
 * the customers' name index from "A" until a hundred of them turned up: 0.6–0.9 s for a type of
 * 40,000–90,000 at 1M customers, against ~1 ms with the old index. The first (last) name of the
 * filtered set, read from these indexes, now bounds that walk (`filterNameBound` in
 * `features/customers/keyFilters.ts`; admins count such a filter there too). The trigger copies the name with the type and care status,
 * in the same statement; a rename costs one more narrow row update.
 */
const keysFunction = (withName: boolean) => {
  const columns = withName ? 'customer_id, type_id, care_status, name' : 'customer_id, type_id, care_status';
  const values = withName ? 'id, type_id, care_status, name' : 'id, type_id, care_status';
  return `
CREATE OR REPLACE FUNCTION crm_customer_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO customer_keys (${columns}) SELECT ${values} FROM new_rows WHERE deleted_at IS NULL;
  ELSIF TG_OP = 'DELETE' THEN
    DELETE FROM customer_keys k USING old_rows o WHERE k.customer_id = o.id;
  ELSE
    -- Plain UPDATE / INSERT / DELETE per kind of change: an upsert of 100,000 rows costs more.
    -- EXECUTE: planned for this call's rows (migration 0023 says why).
    EXECUTE $q$
    WITH changed AS MATERIALIZED (
      SELECT ${values.split(', ').map((c) => `n.${c}`).join(', ')}, o.deleted_at IS NULL AS was_live, n.deleted_at IS NULL AS is_live
        FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE (o.deleted_at IS NULL) <> (n.deleted_at IS NULL)
          OR (n.deleted_at IS NULL AND (n.type_id IS DISTINCT FROM o.type_id OR n.care_status IS DISTINCT FROM o.care_status${withName ? ' OR n.name IS DISTINCT FROM o.name' : ''}))
    ), updated AS (
      UPDATE customer_keys k SET type_id = ch.type_id, care_status = ch.care_status${withName ? ', name = ch.name' : ''}
        FROM changed ch WHERE k.customer_id = ch.id AND ch.was_live AND ch.is_live
    ), removed AS (
      DELETE FROM customer_keys k USING changed ch WHERE k.customer_id = ch.id AND ch.was_live AND NOT ch.is_live
    )
    INSERT INTO customer_keys (${columns}) SELECT ${values} FROM changed WHERE is_live AND NOT was_live$q$;
  END IF;
  RETURN NULL;
END $$;`;
};

// Refilled rather than updated in place: one sorted insert and fresh indexes beat 1M row updates.
const up = `
TRUNCATE customer_keys;
DROP INDEX customer_keys_type;
DROP INDEX customer_keys_care_status;
ALTER TABLE customer_keys ADD COLUMN name text COLLATE "vi-VN-x-icu";
INSERT INTO customer_keys (customer_id, type_id, care_status, name)
  SELECT id, type_id, care_status, name FROM customers WHERE deleted_at IS NULL ORDER BY id;
CREATE INDEX customer_keys_type ON customer_keys (type_id, name, customer_id);
CREATE INDEX customer_keys_care_status ON customer_keys (care_status, name, customer_id);
ANALYZE customer_keys;
${keysFunction(true)}
`;

const down = `
${keysFunction(false)}
DROP INDEX customer_keys_type;
DROP INDEX customer_keys_care_status;
ALTER TABLE customer_keys DROP COLUMN name;
CREATE INDEX customer_keys_type ON customer_keys (type_id, customer_id);
CREATE INDEX customer_keys_care_status ON customer_keys (care_status, customer_id);
`;

export const customerKeysName = {
  name: '20261202_0019_customer_keys_name',
  up: (knex: Knex) => knex.raw(up),
  down: (knex: Knex) => knex.raw(down),
};
