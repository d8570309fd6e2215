import type { Knex } from 'knex';

/**
 * Duplicate warning (issue 10): how a tax code, phone or email compares with another customer's,
 * as IMMUTABLE SQL functions that the expression indexes, the lookup
 * (`features/customers/duplicates.ts`) and the "refuse duplicate tax codes" check all call, so
 * they can never disagree. Each answers NULL for a value that normalises to nothing; NULLs are
 * left out of the (partial) indexes and never match.
 *
 * - tax code: trimmed, upper-cased ("0101234567-001" keeps its dash: a branch is its own code);
 * - phone: spaces, dots, dashes and parentheses removed, a leading +84 read as 0
 *   ("(+84) 90-123.4567" = "0901234567");
 * - email: trimmed, lower-cased.
 */
const up = `
CREATE FUNCTION crm_normal_tax_code(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT nullif(upper(btrim(value, E' \\t\\r\\n')), '') $$;

CREATE FUNCTION crm_normal_phone(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT nullif(regexp_replace(regexp_replace(value, '[[:space:].()-]', '', 'g'), '^\\+84', '0'), '') $$;

CREATE FUNCTION crm_normal_email(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT nullif(lower(btrim(value, E' \\t\\r\\n')), '') $$;

CREATE INDEX customers_tax_code_normal ON customers (crm_normal_tax_code(tax_code))
  WHERE deleted_at IS NULL AND crm_normal_tax_code(tax_code) IS NOT NULL;
CREATE INDEX customers_phone_normal ON customers (crm_normal_phone(phone))
  WHERE deleted_at IS NULL AND crm_normal_phone(phone) IS NOT NULL;
CREATE INDEX customers_email_normal ON customers (crm_normal_email(email))
  WHERE deleted_at IS NULL AND crm_normal_email(email) IS NOT NULL;
-- The planner ignores statistics of partial indexes' expressions; without these it guesses 0.5% of
-- the table per value and picks a parallel plan whose worker start-up alone costs ~5 ms a lookup.
CREATE STATISTICS customers_tax_code_normal_stats ON (crm_normal_tax_code(tax_code)) FROM customers;
CREATE STATISTICS customers_phone_normal_stats ON (crm_normal_phone(phone)) FROM customers;
CREATE STATISTICS customers_email_normal_stats ON (crm_normal_email(email)) FROM customers;
ANALYZE customers;
`;

export const customerDuplicateLookup = {
  name: '20261202_0008_customer_duplicate_lookup',
  up: (knex: Knex) => knex.raw(up),
  down: (knex: Knex) => knex.raw(`
DROP STATISTICS customers_tax_code_normal_stats, customers_phone_normal_stats, customers_email_normal_stats;
DROP INDEX customers_tax_code_normal;
DROP INDEX customers_phone_normal;
DROP INDEX customers_email_normal;
DROP FUNCTION crm_normal_tax_code(text);
DROP FUNCTION crm_normal_phone(text);
DROP FUNCTION crm_normal_email(text);`),
};
