import type { Knex } from 'knex';

/**
 * Lists versioned per table (issue 14). Until now every list hung on `crm_list_version`, which
 * customer writes bump; activities, opportunities and the other lists get their own sequences, so
 * a saved activity no longer throws away every customer grid's anchors and totals, and a customer
 * edit keeps the product list's. A list's source names the sequences it depends on
 * (`server/list/listEngine.ts`: an activity list also follows `crm_list_version`, since customer
 * names and access live on customers).
 *
 * `crm_bump_sequences()` is one statement trigger for all of them: it bumps each sequence named in
 * its arguments, once per statement (a 100,000-row transfer is one bump).
 *
 * `crm_activity_due(status, date)`: the Giao dịch grid's opening order (open work by date, overdue
 * first, then done work newest first) as one integer, so that the order is a plain (due, id) key:
 * a page between two anchors is one index range, descending is its exact reverse, and anchors
 * compare one value instead of three expressions. Replaces migration 0026's three-part index.
 */
const sequences = {
  activities: 'crm_list_version_activities',
  opportunities: 'crm_list_version_opportunities',
  records: 'crm_list_version_records',
  products: 'crm_list_version_products',
  contacts: 'crm_list_version_contacts',
};

/** Which tables bump which lists. Shares and transfers decide who sees history records. */
const bumps: [table: string, lists: (keyof typeof sequences)[]][] = [
  ['activities', ['activities']],
  ['opportunities', ['opportunities']],
  ['opportunity_lines', ['opportunities']],
  ['lost_reasons', ['opportunities']],
  ['quotes', ['records']],
  ['contracts', ['records']],
  ['orders', ['records']],
  ['payments', ['records']],
  ['document_lines', ['records']],
  ['record_shares', ['activities', 'opportunities', 'records']],
  ['transfer_batches', ['activities', 'opportunities', 'records']],
  ['transfer_batch_customers', ['activities', 'opportunities', 'records']],
  ['products', ['products', 'records', 'opportunities']],
  ['contacts', ['contacts']],
];

const up = `
${Object.values(sequences).map((name) => `CREATE SEQUENCE ${name};`).join('\n')}

CREATE FUNCTION crm_bump_sequences() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE name text;
BEGIN
  FOREACH name IN ARRAY TG_ARGV LOOP PERFORM nextval(name::regclass); END LOOP;
  RETURN NULL;
END $$;

${bumps.map(([table, lists]) => `CREATE TRIGGER ${table}_list_versions AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
  FOR EACH STATEMENT EXECUTE FUNCTION crm_bump_sequences(${lists.map((list) => `'${sequences[list]}'`).join(', ')});`).join('\n')}

CREATE FUNCTION crm_activity_due(status text, date date) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN status = 'done' THEN 100000000 - (date - DATE '2000-01-01') ELSE date - DATE '2000-01-01' END
$$;
DROP INDEX activities_due;
CREATE INDEX activities_due ON activities (crm_activity_due(status, date), id) WHERE deleted_at IS NULL;
`;

const down = `
DROP INDEX activities_due;
DROP FUNCTION crm_activity_due(text, date);
CREATE INDEX activities_due ON activities ((status = 'done'), (CASE WHEN status <> 'done' THEN date END), date DESC, id DESC)
  WHERE deleted_at IS NULL;
${bumps.map(([table]) => `DROP TRIGGER ${table}_list_versions ON ${table};`).join('\n')}
DROP FUNCTION crm_bump_sequences();
${Object.values(sequences).map((name) => `DROP SEQUENCE ${name};`).join('\n')}
`;

export const listVersions = {
  name: '20261203_0027_list_versions',
  up: (knex: Knex) => knex.raw(up),
  down: (knex: Knex) => knex.raw(down),
};
