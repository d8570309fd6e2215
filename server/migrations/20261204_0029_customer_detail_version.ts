import type { Knex } from 'knex';

/**
 * A customer edit invalidates only the lists it can change (issue 14). Until now every UPDATE of
 * customers bumped `crm_list_version`, so a staff member saving a phone number threw away every
 * user's customer totals, anchors and sorted id lists (and every activity list's, which follow
 * customers too): with 8 editors, 40 readers recomputed them all the time.
 *
 * Detail columns neither decide who sees a customer nor place it in the default orders. They come
 * in two groups, each with its own sequence: `searched` (what a text search, the phone and email
 * filters and sorts read) and `other` (address, the last change). An UPDATE bumps
 * `crm_list_version` only when some row changed a column outside both groups (including any
 * column added later), `crm_list_version_customer_search` when some row changed a searched column,
 * and `crm_list_version_customer_details` always. The lists that read a group follow its sequence
 * too (`customerList` in `server/features/customers/listCustomers.ts`). Statements over 1,000 rows
 * bump everything without comparing: bulk changes pay nothing for the check. Inserts and deletes
 * keep their trigger (`crm_list_version`, which every customer list follows).
 *
 * A staff member's lists hold their own customers and those shared with them or in the pool, so
 * an edit of another owner's customer cannot change them: `customer_detail_versions` counts each
 * owner's detail edits per group (in the transaction, so a reader sees the count move when the
 * edit commits), and `crm_list_version_customer_shared` counts detail edits of shared, pooled or
 * unowned customers. Staff lists follow those instead of the global group sequences, which
 * managers' and admins' lists follow (`soleOwnerId` in server/access/customerAccess.ts).
 *
 * The customer triggers of migration 0020 run a statement on customer_pool_due for every customer
 * UPDATE, and its statement trigger bumped `crm_list_version` even when no row changed: now it
 * bumps only when the statement changed rows (days left sort and show in customer grids).
 */
const searched = ['phone', 'email', 'search_text'];
const other = ['address', 'version', 'updated_at', 'updated_by'];
const comparedRowLimit = 1000;
const textArray = (columns: string[]) => `ARRAY[${columns.map((column) => `'${column}'`).join(', ')}]::text[]`;
const differ = (expression: (row: string) => string) => `${expression('o')} IS DISTINCT FROM ${expression('n')}`;

const up = String.raw`
CREATE SEQUENCE crm_list_version_customer_search;
CREATE SEQUENCE crm_list_version_customer_details;

CREATE SEQUENCE crm_list_version_customer_shared;
CREATE TABLE customer_detail_versions (
  owner_id bigint PRIMARY KEY,
  searched bigint NOT NULL,
  other bigint NOT NULL
);

CREATE FUNCTION crm_customer_update_versions() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE list_changed boolean := TRUE; search_changed boolean := TRUE; shared_changed boolean;
BEGIN
  IF (SELECT count(*) FROM (SELECT 1 FROM new_rows LIMIT ${comparedRowLimit + 1}) AS n) <= ${comparedRowLimit} THEN
    -- EXECUTE: planned for the rows at hand (migration 0023).
    EXECUTE $q$SELECT coalesce(bool_or(${differ((row) => `to_jsonb(${row}) - ${textArray([...searched, ...other])}`)}), FALSE),
        coalesce(bool_or(${differ((row) => `(${searched.map((column) => `${row}.${column}`).join(', ')})`)}), FALSE)
      FROM old_rows o JOIN new_rows n ON n.id = o.id$q$ INTO list_changed, search_changed;
  END IF;
  IF list_changed THEN
    PERFORM nextval('crm_list_version');
  ELSE
    -- Owners in order, so that two statements lock their rows in the same order.
    EXECUTE $q$INSERT INTO customer_detail_versions AS v (owner_id, searched, other)
      SELECT DISTINCT owner_id, CASE WHEN $1 THEN 1 ELSE 0 END, 1 FROM new_rows WHERE owner_id IS NOT NULL ORDER BY owner_id
      ON CONFLICT (owner_id) DO UPDATE SET searched = v.searched + EXCLUDED.searched, other = v.other + 1$q$ USING search_changed;
    EXECUTE $q$SELECT EXISTS (SELECT 1 FROM new_rows n WHERE n.owner_id IS NULL OR n.in_pool
      OR EXISTS (SELECT 1 FROM customer_shares s WHERE s.customer_id = n.id))$q$ INTO shared_changed;
    IF shared_changed THEN PERFORM nextval('crm_list_version_customer_shared'); END IF;
  END IF;
  IF search_changed THEN PERFORM nextval('crm_list_version_customer_search'); END IF;
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
DROP TABLE customer_detail_versions;
DROP SEQUENCE crm_list_version_customer_details, crm_list_version_customer_search, crm_list_version_customer_shared;
`;

export const customerDetailVersion = {
  name: '20261204_0029_customer_detail_version',
  up: (knex: Knex) => knex.raw(up),
  down: (knex: Knex) => knex.raw(down),
};
