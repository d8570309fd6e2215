import type { Knex } from 'knex';

/**
 * Customer tiers (C4, C5; issue 13).
 *
 * - `customer_tiers` is the index of `customers.tier_id`, kept outside the customers table like
 *   `customer_keys` (migration 0018): `customers_tier_name (tier_id, name, id)` made every tier
 *   change a non-HOT update writing into all of the table's indexes, and a recompute moves
 *   hundreds of thousands of customers at once. `customers.tier_id` stays the truth; rows exist
 *   for live customers with a tier only (the filter, the counts of the tier list).
 * - `crm_ranked_tiers(basis)`: the tiers that apply under a basis (payment: amount tiers only), in
 *   the order "highest first": greatest discount; among equal discounts amount tiers before
 *   contract-count tiers (an amount and a count cannot be compared; an amount is what both bases
 *   share), then the greater threshold, then the older tier. One place for that order.
 * - `crm_recompute_tiers(ids)`: ONE set-based UPDATE giving the listed (NULL: all live) customers
 *   the highest tier they meet, writing only those whose tier changes; answers how many.
 *   Revenue is `customers.revenue` (live contracts, migration 0009), counts and payments are
 *   aggregated in the statement. The tier change does not bump `version`: like revenue it is
 *   derived, and a contract must not make a user's open edit of the customer stale.
 * - Statement triggers on contracts and payments follow writes while `autoUpdate` is on (the
 *   `tiers` entry of `app_settings`, defaults as in `server/features/tiers/tierSettings.ts`).
 *   The contract triggers are named after `contracts_revenue_*`, so revenue is current first.
 */
const events = ['insert', 'update', 'delete'] as const;
const transitionTables = { insert: 'NEW TABLE AS new_rows', update: 'OLD TABLE AS old_rows NEW TABLE AS new_rows', delete: 'OLD TABLE AS old_rows' };

/** `<table>_tiers_<event>` statement triggers with transition tables (one event per trigger). */
const statementTriggers = (table: string, call: string) => events.map((event) => `CREATE TRIGGER ${table}_tiers_${event} AFTER ${event.toUpperCase()} ON ${table}
  REFERENCING ${transitionTables[event]} FOR EACH STATEMENT EXECUTE FUNCTION ${call};`).join('\n');
const dropStatementTriggers = (table: string) => events.map((event) => `DROP TRIGGER ${table}_tiers_${event} ON ${table};`).join('\n');

const up = `
ALTER TABLE tiers
  ADD CONSTRAINT tiers_one_threshold CHECK ((min_amount IS NULL) <> (min_contracts IS NULL)),
  ADD CONSTRAINT tiers_threshold_positive CHECK (min_amount >= 0 AND min_contracts >= 0);
CREATE UNIQUE INDEX tiers_name ON tiers (lower(name));

CREATE TABLE customer_tiers (customer_id bigint PRIMARY KEY, tier_id bigint NOT NULL, name text COLLATE "vi-VN-x-icu" NOT NULL);
INSERT INTO customer_tiers (customer_id, tier_id, name)
  SELECT id, tier_id, name FROM customers WHERE deleted_at IS NULL AND tier_id IS NOT NULL ORDER BY id;
CREATE INDEX customer_tiers_tier ON customer_tiers (tier_id, name, customer_id);
ANALYZE customer_tiers;
DROP INDEX customers_tier_name;

CREATE FUNCTION crm_customer_tiers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO customer_tiers (customer_id, tier_id, name) SELECT id, tier_id, name FROM new_rows WHERE deleted_at IS NULL AND tier_id IS NOT NULL;
  ELSIF TG_OP = 'DELETE' THEN
    DELETE FROM customer_tiers t USING old_rows o WHERE t.customer_id = o.id;
  ELSE
    -- EXECUTE: planned for this call's row counts. A static statement keeps the plan of the
    -- session's first call (an UPDATE of 0 rows plans nested loops over the transition tables,
    -- and the same plan for 140,000 rows ran for more than 20 minutes at 1M customers).
    EXECUTE $q$
    WITH changed AS MATERIALIZED (
      SELECT n.id, n.tier_id, n.name, o.deleted_at IS NULL AND o.tier_id IS NOT NULL AS had, n.deleted_at IS NULL AND n.tier_id IS NOT NULL AS has
        FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE (o.deleted_at IS NULL AND o.tier_id IS NOT NULL) <> (n.deleted_at IS NULL AND n.tier_id IS NOT NULL)
          OR (n.deleted_at IS NULL AND n.tier_id IS NOT NULL AND (n.tier_id <> o.tier_id OR n.name IS DISTINCT FROM o.name))
    ), updated AS (
      UPDATE customer_tiers t SET tier_id = ch.tier_id, name = ch.name FROM changed ch WHERE t.customer_id = ch.id AND ch.had AND ch.has
    ), removed AS (
      DELETE FROM customer_tiers t USING changed ch WHERE t.customer_id = ch.id AND ch.had AND NOT ch.has
    )
    INSERT INTO customer_tiers (customer_id, tier_id, name) SELECT id, tier_id, name FROM changed WHERE has AND NOT had
    $q$;
  END IF;
  RETURN NULL;
END $$;
${statementTriggers('customers', 'crm_customer_tiers()')}
CREATE FUNCTION crm_customer_tiers_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE customer_tiers;
  RETURN NULL;
END $$;
CREATE TRIGGER customers_tiers_truncate AFTER TRUNCATE ON customers
  FOR EACH STATEMENT EXECUTE FUNCTION crm_customer_tiers_truncate();

CREATE FUNCTION crm_tier_setting(field text, fallback text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT value ->> field FROM app_settings WHERE key = 'tiers'), fallback)
$$;

CREATE FUNCTION crm_ranked_tiers(basis text)
  RETURNS TABLE (id bigint, rank bigint, min_amount numeric, min_contracts integer, discount_percent numeric) LANGUAGE sql STABLE AS $$
  SELECT t.id, row_number() OVER (ORDER BY t.discount_percent DESC, t.min_amount IS NULL, t.min_amount DESC, t.min_contracts DESC, t.id),
         t.min_amount, t.min_contracts, t.discount_percent
    FROM tiers t
   WHERE t.min_amount IS NOT NULL OR basis = 'revenue'
$$;

-- Inlined into the statements that use it (a plain SQL expression). Never NULL: NOT … must work.
CREATE FUNCTION crm_tier_met(min_amount numeric, min_contracts integer, amount numeric, contracts integer) RETURNS boolean
  LANGUAGE sql IMMUTABLE AS $$ SELECT coalesce(amount >= min_amount, false) OR coalesce(contracts >= min_contracts, false) $$;

-- NULL ids: every live customer. Dynamic so that each scope gets its own plan (a full recompute
-- scans, a trigger's few ids probe indexes) and only the aggregate the basis needs is computed.
CREATE FUNCTION crm_recompute_tiers(customer_ids bigint[]) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  basis text := crm_tier_setting('basis', 'revenue');
  scope text := CASE WHEN customer_ids IS NULL THEN '' ELSE ' AND %s = ANY($1)' END;
  measure text;
  changed integer;
BEGIN
  IF basis = 'revenue' THEN
    measure := format('SELECT c.id, c.tier_id, c.revenue AS amount, coalesce(k.n, 0)::int AS contracts FROM customers c
      LEFT JOIN (SELECT customer_id, count(*) AS n FROM contracts WHERE deleted_at IS NULL%s GROUP BY customer_id) k ON k.customer_id = c.id
      WHERE c.deleted_at IS NULL%s', format(scope, 'customer_id'), format(scope, 'c.id'));
  ELSE
    measure := format('SELECT c.id, c.tier_id, coalesce(p.paid, 0) AS amount, 0 AS contracts FROM customers c
      LEFT JOIN (SELECT customer_id, sum(amount) AS paid FROM payments WHERE deleted_at IS NULL%s GROUP BY customer_id) p ON p.customer_id = c.id
      WHERE c.deleted_at IS NULL%s', format(scope, 'customer_id'), format(scope, 'c.id'));
  END IF;
  EXECUTE format('WITH ranked AS MATERIALIZED (SELECT * FROM crm_ranked_tiers(%L)),
    best AS (SELECT m.id, m.tier_id, (SELECT r.id FROM ranked r WHERE crm_tier_met(r.min_amount, r.min_contracts, m.amount, m.contracts)
                                       ORDER BY r.rank LIMIT 1) AS tier FROM (%s) m)
    UPDATE customers c SET tier_id = b.tier FROM best b WHERE c.id = b.id AND b.tier_id IS DISTINCT FROM b.tier', basis, measure)
    USING customer_ids;
  GET DIAGNOSTICS changed = ROW_COUNT;
  RETURN changed;
END $$;

-- TG_ARGV[0]: the amount column. Only rows whose customer, amount or deletion changed count.
CREATE FUNCTION crm_tiers_follow() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids bigint[];
BEGIN
  IF crm_tier_setting('autoUpdate', 'true') <> 'true' OR NOT EXISTS (SELECT 1 FROM tiers)
     OR (TG_TABLE_NAME = 'contracts') <> (crm_tier_setting('basis', 'revenue') = 'revenue') THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN ids := ARRAY(SELECT DISTINCT customer_id FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN ids := ARRAY(SELECT DISTINCT customer_id FROM old_rows);
  ELSE
    -- EXECUTE for a plan of this call's row counts (see crm_customer_tiers).
    EXECUTE format($q$SELECT ARRAY(SELECT DISTINCT unnest(ARRAY[o.customer_id, n.customer_id]) FROM old_rows o JOIN new_rows n ON n.id = o.id
                  WHERE (o.customer_id, o.deleted_at, o.%1$I) IS DISTINCT FROM (n.customer_id, n.deleted_at, n.%1$I))$q$, TG_ARGV[0]) INTO ids;
  END IF;
  IF cardinality(ids) > 0 THEN PERFORM crm_recompute_tiers(ids); END IF;
  RETURN NULL;
END $$;
${statementTriggers('contracts', "crm_tiers_follow('value')")}
${statementTriggers('payments', "crm_tiers_follow('amount')")}
`;

const down = `
${dropStatementTriggers('payments')}
${dropStatementTriggers('contracts')}
DROP FUNCTION crm_tiers_follow();
DROP FUNCTION crm_recompute_tiers(bigint[]);
DROP FUNCTION crm_tier_met(numeric, integer, numeric, integer);
DROP FUNCTION crm_ranked_tiers(text);
DROP FUNCTION crm_tier_setting(text, text);
DROP TRIGGER customers_tiers_truncate ON customers;
${dropStatementTriggers('customers')}
DROP FUNCTION crm_customer_tiers_truncate();
DROP FUNCTION crm_customer_tiers();
DROP TABLE customer_tiers;
CREATE INDEX customers_tier_name ON customers (tier_id, name, id) WHERE deleted_at IS NULL;
DROP INDEX tiers_name;
ALTER TABLE tiers DROP CONSTRAINT tiers_threshold_positive, DROP CONSTRAINT tiers_one_threshold;
`;

export const tiers = {
  name: '20261202_0021_tiers',
  up: (knex: Knex) => knex.raw(up),
  down: (knex: Knex) => knex.raw(down),
};
