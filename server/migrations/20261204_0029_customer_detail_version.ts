import type { Knex } from 'knex';

/**
 * A customer edit invalidates only the lists it can change (issue 14). Until now every UPDATE of
 * customers bumped `crm_list_version`, so a staff member saving a phone number threw away every
 * user's customer totals, anchors and sorted id lists (and every activity list's, which follow
 * customers too): with 8 editors, 40 readers recomputed them all the time.
 *
 * Detail columns (`detailColumns`) neither decide who sees a customer nor place it in the default
 * orders. An UPDATE that changed only those (in every row) bumps `crm_list_version_customer_details`
 * instead; the lists that search, filter or sort by them follow both sequences
 * (`customerList` in `server/features/customers/listCustomers.ts`). Any other column, including one added later,
 * bumps `crm_list_version` as before. Statements over more than 1,000 rows bump it without
 * comparing: bulk changes pay nothing for the check. Inserts and deletes keep their trigger.
 *
 * The customer triggers of migration 0020 run a statement on customer_pool_due for every customer
 * UPDATE, and its statement trigger bumped `crm_list_version` even when no row changed: now it
 * bumps only when the statement changed rows (days left sort and show in customer grids).
 */
const detailColumns = ['phone', 'email', 'address', 'search_text', 'version', 'updated_at', 'updated_by'];
const comparedRowLimit = 1000;
const detailArray = `ARRAY[${detailColumns.map((column) => `'${column}'`).join(', ')}]`;

const up = String.raw`
CREATE SEQUENCE crm_list_version_customer_details;

CREATE FUNCTION crm_customer_update_versions() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE listed boolean;
BEGIN
  IF (SELECT count(*) FROM (SELECT 1 FROM new_rows LIMIT ${comparedRowLimit + 1}) AS n) > ${comparedRowLimit} THEN
    listed := TRUE;
  ELSE
    -- EXECUTE: planned for the rows at hand (migration 0023).
    EXECUTE $q$SELECT EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE to_jsonb(o) - ${detailArray}::text[] IS DISTINCT FROM to_jsonb(n) - ${detailArray}::text[])$q$ INTO listed;
  END IF;
  IF listed THEN PERFORM nextval('crm_list_version'); END IF;
  PERFORM nextval('crm_list_version_customer_details');
  PERFORM pg_notify('crm_live', '{"topic":"customers"}');
  RETURN NULL;
END $fn$;

CREATE FUNCTION crm_bump_list_version_for_rows() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF NOT EXISTS (SELECT 1 FROM old_rows) THEN RETURN NULL; END IF;
  ELSIF NOT EXISTS (SELECT 1 FROM new_rows) THEN
    RETURN NULL;
  END IF;
  PERFORM nextval('crm_list_version');
  PERFORM pg_notify('crm_live', '{"topic":"customers"}');
  RETURN NULL;
END $fn$;
DROP TRIGGER customer_pool_due_list_version ON customer_pool_due;
CREATE TRIGGER customer_pool_due_list_version_insert AFTER INSERT ON customer_pool_due
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION crm_bump_list_version_for_rows();
CREATE TRIGGER customer_pool_due_list_version_update AFTER UPDATE ON customer_pool_due
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION crm_bump_list_version_for_rows();
CREATE TRIGGER customer_pool_due_list_version_delete AFTER DELETE ON customer_pool_due
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION crm_bump_list_version_for_rows();

DROP TRIGGER customers_list_version ON customers;
CREATE TRIGGER customers_list_version AFTER INSERT OR DELETE OR TRUNCATE ON customers
  FOR EACH STATEMENT EXECUTE FUNCTION crm_bump_list_version();
CREATE TRIGGER customers_update_list_versions AFTER UPDATE ON customers
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION crm_customer_update_versions();
`;

const down = `
DROP TRIGGER customer_pool_due_list_version_insert ON customer_pool_due;
DROP TRIGGER customer_pool_due_list_version_update ON customer_pool_due;
DROP TRIGGER customer_pool_due_list_version_delete ON customer_pool_due;
DROP FUNCTION crm_bump_list_version_for_rows();
CREATE TRIGGER customer_pool_due_list_version AFTER INSERT OR UPDATE OR DELETE ON customer_pool_due
  FOR EACH STATEMENT EXECUTE FUNCTION crm_bump_list_version();
DROP TRIGGER customers_update_list_versions ON customers;
DROP TRIGGER customers_list_version ON customers;
CREATE TRIGGER customers_list_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON customers
  FOR EACH STATEMENT EXECUTE FUNCTION crm_bump_list_version();
DROP FUNCTION crm_customer_update_versions();
DROP SEQUENCE crm_list_version_customer_details;
`;

export const customerDetailVersion = {
  name: '20261204_0029_customer_detail_version',
  up: (knex: Knex) => knex.raw(up),
  down: (knex: Knex) => knex.raw(down),
};
