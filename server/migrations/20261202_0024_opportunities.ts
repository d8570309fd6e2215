import type { Knex } from 'knex';

/**
 * Opportunities (issue 14, S1–S5).
 *
 * - Lost reasons become a managed list like customer types: soft-deleted (`deleted_at`; a deleted
 *   reason keeps its name on the opportunities lost for it, so old reports do not change), a unique
 *   live name (case-insensitive), Vietnamese collation. Inactive rows of 0001 count as deleted;
 *   duplicate live names keep the oldest. A new database starts with SPEC's five reasons.
 * - Search: a trigram index on the unaccented name (S2), the lost day for the S5 report
 *   (`lost_at` stays the instant; reports and filters take its calendar day in Asia/Ho_Chi_Minh),
 *   the expected date for ranges and the pipeline.
 * - Live updates: a statement trigger announces `{"topic":"opportunities"}` on `crm_live` for every
 *   write to opportunities, their lines and the reasons (one per transaction, delivered on commit).
 *   It joins no transition tables, so it needs no EXECUTE.
 */
const up = `
ALTER TABLE lost_reasons ADD COLUMN deleted_at timestamptz, ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE lost_reasons ALTER COLUMN name TYPE text COLLATE "vi-VN-x-icu";
UPDATE lost_reasons SET deleted_at = now() WHERE NOT active AND deleted_at IS NULL;
UPDATE lost_reasons x SET deleted_at = now()
 WHERE x.deleted_at IS NULL AND EXISTS (SELECT 1 FROM lost_reasons y WHERE y.deleted_at IS NULL AND lower(y.name) = lower(x.name) AND y.id < x.id);
CREATE UNIQUE INDEX lost_reasons_name ON lost_reasons (lower(name)) WHERE deleted_at IS NULL;
INSERT INTO lost_reasons (name)
SELECT d.name FROM unnest(ARRAY['Giá cao', 'Đối thủ cạnh tranh', 'Không có nhu cầu', 'Không liên lạc được', 'Khác']) WITH ORDINALITY AS d(name, n)
 WHERE NOT EXISTS (SELECT 1 FROM lost_reasons x WHERE x.deleted_at IS NULL AND lower(x.name) = lower(d.name))
 ORDER BY d.n;

CREATE INDEX opportunities_name_search ON opportunities USING gin (crm_search_text(name) gin_trgm_ops) WHERE deleted_at IS NULL;
CREATE INDEX opportunities_lost_day ON opportunities (crm_vn_day(lost_at)) WHERE stage = 'lost' AND deleted_at IS NULL;
CREATE INDEX opportunities_expected_date ON opportunities (expected_date) WHERE deleted_at IS NULL;

CREATE FUNCTION crm_notify_opportunities() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('crm_live', '{"topic":"opportunities"}');
  RETURN NULL;
END $$;
CREATE TRIGGER opportunities_live AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON opportunities
  FOR EACH STATEMENT EXECUTE FUNCTION crm_notify_opportunities();
CREATE TRIGGER opportunity_lines_live AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON opportunity_lines
  FOR EACH STATEMENT EXECUTE FUNCTION crm_notify_opportunities();
CREATE TRIGGER lost_reasons_live AFTER INSERT OR UPDATE OR DELETE ON lost_reasons
  FOR EACH STATEMENT EXECUTE FUNCTION crm_notify_opportunities();
`;

const down = `
DROP TRIGGER lost_reasons_live ON lost_reasons;
DROP TRIGGER opportunity_lines_live ON opportunity_lines;
DROP TRIGGER opportunities_live ON opportunities;
DROP FUNCTION crm_notify_opportunities();
DROP INDEX opportunities_expected_date, opportunities_lost_day, opportunities_name_search, lost_reasons_name;
ALTER TABLE lost_reasons ALTER COLUMN name TYPE text COLLATE "default";
ALTER TABLE lost_reasons DROP COLUMN created_at, DROP COLUMN deleted_at;
`;

export const opportunities = {
  name: '20261202_0024_opportunities',
  up: (knex: Knex) => knex.raw(up),
  down: (knex: Knex) => knex.raw(down),
};
