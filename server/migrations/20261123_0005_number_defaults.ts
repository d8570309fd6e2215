import type { Knex } from 'knex';

const numbered = [
  ['customers', 'code', 'KH', 'customer_code_seq'],
  ['opportunities', 'number', 'CH', 'opportunity_number_seq'],
  ['quotes', 'number', 'BG', 'quote_number_seq'],
  ['contracts', 'number', 'HD', 'contract_number_seq'],
  ['orders', 'number', 'DH', 'order_number_seq'],
  ['payments', 'number', 'PT', 'payment_number_seq'],
] as const;

const setDefaults = (expression: (prefix: string, sequence: string) => string) =>
  numbered.map(([table, column, prefix, sequence]) => `ALTER TABLE ${table} ALTER COLUMN ${column} SET DEFAULT ${expression(prefix, sequence)};`).join('\n');

/**
 * lpad() cuts longer strings: lpad('1000001', 6, '0') is '100000', a duplicate customer code
 * after 999,999. Codes and numbers now keep six digits and grow past them (KH000123, KH1000001).
 */
export const numberDefaults = {
  name: '20261123_0005_number_defaults',
  up: (knex: Knex) => knex.raw(`
    CREATE FUNCTION crm_number(prefix text, n bigint) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT prefix || lpad(n::text, greatest(6, length(n::text)), '0') $$;
    ${setDefaults((prefix, sequence) => `crm_number('${prefix}', nextval('${sequence}'))`)}`),
  down: (knex: Knex) => knex.raw(`
    ${setDefaults((prefix, sequence) => `'${prefix}' || lpad(nextval('${sequence}')::text, 6, '0')`)}
    DROP FUNCTION crm_number(text, bigint);`),
};
