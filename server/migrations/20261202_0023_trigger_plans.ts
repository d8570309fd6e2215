import type { Knex } from 'knex';

/**
 * Statement triggers plan their joins of `old_rows` with `new_rows` per call (issue 11, found
 * with the tiers of migration 0021).
 *
 * A PL/pgSQL statement without parameters is planned once per connection and the plan kept; a
 * transition table's row count is known when it is planned. So the first UPDATE on a pooled
 * connection decided the join for every later one: after a one-customer edit, a nested loop of
 * old_rows × new_rows made a 20,000-customer change run for minutes (quadratic; at 1M a transfer
 * or a mass update would never end). Every statement here that joins the two transition tables now
 * runs through EXECUTE, planned for the rows at hand (a few milliseconds of planning per
 * statement); single-table statements (insert, delete) keep their cached plans, which fit any size.
 * `tests/server/triggerPlans.test.ts` changes one customer and then 20,000 on one connection.
 */
const up = String.raw`
CREATE OR REPLACE FUNCTION crm_contracts_revenue() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE ids bigint[];
BEGIN
  IF TG_OP = 'INSERT' THEN PERFORM crm_refresh_revenue(ARRAY(SELECT customer_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN PERFORM crm_refresh_revenue(ARRAY(SELECT customer_id FROM old_rows));
  ELSE
    -- Only rows whose amount, customer or deletion changed (not e.g. a transfer's new owner_id).
    EXECUTE $q$SELECT ARRAY(
      SELECT unnest(ARRAY[o.customer_id, n.customer_id]) FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE (o.customer_id, o.value, o.deleted_at) IS DISTINCT FROM (n.customer_id, n.value, n.deleted_at))$q$ INTO ids;
    PERFORM crm_refresh_revenue(ids);
  END IF;
  RETURN NULL;
END $fn$;

CREATE OR REPLACE FUNCTION crm_customer_owners() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO customer_owners (customer_id, owner_id) SELECT id, owner_id FROM new_rows WHERE owner_id IS NOT NULL;
  ELSIF TG_OP = 'DELETE' THEN
    DELETE FROM customer_owners m USING old_rows o WHERE m.customer_id = o.id AND o.owner_id IS NOT NULL;
  ELSE
    EXECUTE $q$
    WITH changed AS MATERIALIZED (
      SELECT n.id, n.owner_id FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE n.owner_id IS DISTINCT FROM o.owner_id
    ), released AS (
      DELETE FROM customer_owners m USING changed ch WHERE m.customer_id = ch.id AND ch.owner_id IS NULL
    )
    INSERT INTO customer_owners (customer_id, owner_id) SELECT id, owner_id FROM changed WHERE owner_id IS NOT NULL
    ON CONFLICT (customer_id) DO UPDATE SET owner_id = excluded.owner_id$q$;
  END IF;
  RETURN NULL;
END $fn$;

CREATE OR REPLACE FUNCTION crm_customer_keys() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO customer_keys (customer_id, type_id, care_status, name) SELECT id, type_id, care_status, name FROM new_rows WHERE deleted_at IS NULL;
  ELSIF TG_OP = 'DELETE' THEN
    DELETE FROM customer_keys k USING old_rows o WHERE k.customer_id = o.id;
  ELSE
    -- Plain UPDATE / INSERT / DELETE per kind of change: an upsert of 100,000 rows costs more.
    EXECUTE $q$
    WITH changed AS MATERIALIZED (
      SELECT n.id, n.type_id, n.care_status, n.name, o.deleted_at IS NULL AS was_live, n.deleted_at IS NULL AS is_live
        FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE (o.deleted_at IS NULL) <> (n.deleted_at IS NULL)
          OR (n.deleted_at IS NULL AND (n.type_id IS DISTINCT FROM o.type_id OR n.care_status IS DISTINCT FROM o.care_status OR n.name IS DISTINCT FROM o.name))
    ), updated AS (
      UPDATE customer_keys k SET type_id = ch.type_id, care_status = ch.care_status, name = ch.name
        FROM changed ch WHERE k.customer_id = ch.id AND ch.was_live AND ch.is_live
    ), removed AS (
      DELETE FROM customer_keys k USING changed ch WHERE k.customer_id = ch.id AND ch.was_live AND NOT ch.is_live
    )
    INSERT INTO customer_keys (customer_id, type_id, care_status, name) SELECT id, type_id, care_status, name FROM changed WHERE is_live AND NOT was_live$q$;
  END IF;
  RETURN NULL;
END $fn$;

CREATE OR REPLACE FUNCTION crm_customer_pool_members() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO customer_pool_members SELECT id FROM new_rows WHERE in_pool AND deleted_at IS NULL;
  ELSIF TG_OP = 'DELETE' THEN
    DELETE FROM customer_pool_members m USING old_rows o WHERE m.customer_id = o.id;
  ELSE
    EXECUTE $q$
    WITH changed AS MATERIALIZED (
      SELECT n.id, n.in_pool AND n.deleted_at IS NULL AS is_in FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE (o.in_pool AND o.deleted_at IS NULL) <> (n.in_pool AND n.deleted_at IS NULL)
    ), removed AS (
      DELETE FROM customer_pool_members m USING changed ch WHERE m.customer_id = ch.id AND NOT ch.is_in
    )
    INSERT INTO customer_pool_members SELECT id FROM changed WHERE is_in$q$;
  END IF;
  RETURN NULL;
END $fn$;

CREATE OR REPLACE FUNCTION crm_pool_due_records() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE ids bigint[];
BEGIN
  IF NOT coalesce(crm_pool_rules_on(), false) THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM crm_pool_refresh_due(ARRAY(SELECT DISTINCT customer_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM crm_pool_refresh_due(ARRAY(SELECT DISTINCT customer_id FROM old_rows));
  ELSE
    EXECUTE $q$SELECT ARRAY(
      SELECT n.customer_id FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE (n.date, n.status, n.deleted_at, n.customer_id) IS DISTINCT FROM (o.date, o.status, o.deleted_at, o.customer_id)
      UNION SELECT o.customer_id FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE n.customer_id <> o.customer_id)$q$ INTO ids;
    PERFORM crm_pool_refresh_due(ids);
  END IF;
  RETURN NULL;
END $fn$;

CREATE OR REPLACE FUNCTION crm_pool_due_customers() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE limited boolean; ids bigint[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF coalesce(crm_pool_rules_on(), false) THEN
      PERFORM crm_pool_refresh_due(ARRAY(SELECT id FROM new_rows WHERE owner_id IS NOT NULL AND deleted_at IS NULL AND NOT in_pool));
    END IF;
    RETURN NULL;
  END IF;
  EXECUTE $q$DELETE FROM customer_pool_due d USING old_rows o JOIN new_rows n ON n.id = o.id
   WHERE d.customer_id = n.id AND (n.owner_id IS NULL OR n.deleted_at IS NOT NULL OR n.in_pool)$q$;
  IF coalesce(crm_pool_rules_on(), false) THEN
    -- Types and tiers matter only to rules limited to some: a tier recompute of 1M customers
    -- otherwise costs one join here.
    limited := EXISTS (SELECT 1 FROM app_settings s, jsonb_each(s.value->'rules') r WHERE s.key = 'pool'
                        AND (cardinality(crm_jsonb_ids(r.value->'typeIds')) > 0 OR cardinality(crm_jsonb_ids(r.value->'tierIds')) > 0));
    EXECUTE $q$SELECT ARRAY(
      SELECT n.id FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE n.owner_id IS NOT NULL AND n.deleted_at IS NULL AND NOT n.in_pool
         AND ((o.owner_id, o.owner_assigned_at, o.in_pool, o.deleted_at) IS DISTINCT FROM (n.owner_id, n.owner_assigned_at, n.in_pool, n.deleted_at)
              OR ($1 AND (o.type_id, o.tier_id) IS DISTINCT FROM (n.type_id, n.tier_id))))$q$ INTO ids USING limited;
    PERFORM crm_pool_refresh_due(ids);
  END IF;
  RETURN NULL;
END $fn$;
`;

/** The definitions of migrations 0009, 0014, 0019 and 0020, as they were. */
const down = String.raw`
CREATE OR REPLACE FUNCTION public.crm_contracts_revenue()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
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
END $function$
;

CREATE OR REPLACE FUNCTION public.crm_customer_owners()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
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
END $function$
;

CREATE OR REPLACE FUNCTION public.crm_customer_keys()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO customer_keys (customer_id, type_id, care_status, name) SELECT id, type_id, care_status, name FROM new_rows WHERE deleted_at IS NULL;
  ELSIF TG_OP = 'DELETE' THEN
    DELETE FROM customer_keys k USING old_rows o WHERE k.customer_id = o.id;
  ELSE
    -- Plain UPDATE / INSERT / DELETE per kind of change: an upsert of 100,000 rows costs more.
    WITH changed AS MATERIALIZED (
      SELECT n.id, n.type_id, n.care_status, n.name, o.deleted_at IS NULL AS was_live, n.deleted_at IS NULL AS is_live
        FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE (o.deleted_at IS NULL) <> (n.deleted_at IS NULL)
          OR (n.deleted_at IS NULL AND (n.type_id IS DISTINCT FROM o.type_id OR n.care_status IS DISTINCT FROM o.care_status OR n.name IS DISTINCT FROM o.name))
    ), updated AS (
      UPDATE customer_keys k SET type_id = ch.type_id, care_status = ch.care_status, name = ch.name
        FROM changed ch WHERE k.customer_id = ch.id AND ch.was_live AND ch.is_live
    ), removed AS (
      DELETE FROM customer_keys k USING changed ch WHERE k.customer_id = ch.id AND ch.was_live AND NOT ch.is_live
    )
    INSERT INTO customer_keys (customer_id, type_id, care_status, name) SELECT id, type_id, care_status, name FROM changed WHERE is_live AND NOT was_live;
  END IF;
  RETURN NULL;
END $function$
;

CREATE OR REPLACE FUNCTION public.crm_customer_pool_members()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO customer_pool_members SELECT id FROM new_rows WHERE in_pool AND deleted_at IS NULL;
  ELSIF TG_OP = 'DELETE' THEN
    DELETE FROM customer_pool_members m USING old_rows o WHERE m.customer_id = o.id;
  ELSE
    WITH changed AS MATERIALIZED (
      SELECT n.id, n.in_pool AND n.deleted_at IS NULL AS is_in FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE (o.in_pool AND o.deleted_at IS NULL) <> (n.in_pool AND n.deleted_at IS NULL)
    ), removed AS (
      DELETE FROM customer_pool_members m USING changed ch WHERE m.customer_id = ch.id AND NOT ch.is_in
    )
    INSERT INTO customer_pool_members SELECT id FROM changed WHERE is_in;
  END IF;
  RETURN NULL;
END $function$
;

CREATE OR REPLACE FUNCTION public.crm_pool_due_records()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF NOT coalesce(crm_pool_rules_on(), false) THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM crm_pool_refresh_due(ARRAY(SELECT DISTINCT customer_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM crm_pool_refresh_due(ARRAY(SELECT DISTINCT customer_id FROM old_rows));
  ELSE
    PERFORM crm_pool_refresh_due(ARRAY(
      SELECT n.customer_id FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE (n.date, n.status, n.deleted_at, n.customer_id) IS DISTINCT FROM (o.date, o.status, o.deleted_at, o.customer_id)
      UNION SELECT o.customer_id FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE n.customer_id <> o.customer_id));
  END IF;
  RETURN NULL;
END $function$
;

CREATE OR REPLACE FUNCTION public.crm_pool_due_customers()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE limited boolean;
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF coalesce(crm_pool_rules_on(), false) THEN
      PERFORM crm_pool_refresh_due(ARRAY(SELECT id FROM new_rows WHERE owner_id IS NOT NULL AND deleted_at IS NULL AND NOT in_pool));
    END IF;
    RETURN NULL;
  END IF;
  DELETE FROM customer_pool_due d USING old_rows o JOIN new_rows n ON n.id = o.id
   WHERE d.customer_id = n.id AND (n.owner_id IS NULL OR n.deleted_at IS NOT NULL OR n.in_pool);
  IF coalesce(crm_pool_rules_on(), false) THEN
    -- Types and tiers matter only to rules limited to some: a tier recompute of 1M customers
    -- otherwise costs one join here.
    limited := EXISTS (SELECT 1 FROM app_settings s, jsonb_each(s.value->'rules') r WHERE s.key = 'pool'
                        AND (cardinality(crm_jsonb_ids(r.value->'typeIds')) > 0 OR cardinality(crm_jsonb_ids(r.value->'tierIds')) > 0));
    PERFORM crm_pool_refresh_due(ARRAY(
      SELECT n.id FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE n.owner_id IS NOT NULL AND n.deleted_at IS NULL AND NOT n.in_pool
         AND ((o.owner_id, o.owner_assigned_at, o.in_pool, o.deleted_at) IS DISTINCT FROM (n.owner_id, n.owner_assigned_at, n.in_pool, n.deleted_at)
              OR (limited AND (o.type_id, o.tier_id) IS DISTINCT FROM (n.type_id, n.tier_id)))));
  END IF;
  RETURN NULL;
END $function$
;
`;

export const triggerPlans = {
  name: '20261202_0023_trigger_plans',
  up: (knex: Knex) => knex.raw(up),
  down: (knex: Knex) => knex.raw(down),
};
