import type { Knex } from 'knex';

/**
 * Statement triggers plan their joins of `old_rows` with `new_rows` per call (issue 11, found
 * with the tiers of migration 0021).
 *
 * A PL/pgSQL statement without parameters is planned once per connection and the plan kept; a
 * transition table's row count is known when it is planned. So the first UPDATE on a pooled
 * connection decided the join for every later one: after a one-customer edit, a nested loop of
 * old_rows × new_rows made a 20,000-customer change run for minutes (quadratic; at 1M a transfer
 * or a mass update would never end). Every statement that joins the two transition tables now
 * runs through EXECUTE, planned for the rows at hand (a few milliseconds of planning per
 * statement); single-table statements (insert, delete) keep their cached plans, which fit any size.
 * Here: the triggers of migrations 0009 (revenue) and 0014 (customer_owners); those of 0019
 * (customer_keys), 0020 (pool) and 0021 (tiers) are written that way.
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

`;

/** The definitions of migrations 0009 and 0014, as they were. */
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

`;

export const triggerPlans = {
  name: '20261202_0023_trigger_plans',
  up: (knex: Knex) => knex.raw(up),
  down: (knex: Knex) => knex.raw(down),
};
