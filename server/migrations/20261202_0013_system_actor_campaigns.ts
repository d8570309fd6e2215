import type { Knex } from 'knex';

/**
 * Issue 11, scheduler context and O4 campaigns:
 * - the system user scheduled jobs act as, so audit rows and created_by / changed_by columns
 *   name a real row ("Hệ thống"). It can never sign in: it is inactive (a CHECK keeps it so),
 *   has no password hash argon2 accepts, and a username the API's pattern refuses, so no real
 *   user can be created with it or collide with it. The users API does not show it.
 * - campaign names unique among live campaigns (the campaign pickers list them by name);
 * - campaign membership bumps the list version, since customer lists filter by campaign.
 */
const up = `
ALTER TABLE users ADD COLUMN is_system boolean NOT NULL DEFAULT false;
ALTER TABLE users ADD CONSTRAINT users_system_never_active CHECK (NOT (is_system AND active));
CREATE UNIQUE INDEX users_one_system ON users (is_system) WHERE is_system;
INSERT INTO users (username, password_hash, full_name, role, active, is_system)
  VALUES ('@system', '!', 'Hệ thống', 'admin', false, true);

CREATE UNIQUE INDEX campaigns_name ON campaigns (lower(name)) WHERE deleted_at IS NULL;

CREATE TRIGGER campaign_members_list_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON campaign_members
  FOR EACH STATEMENT EXECUTE FUNCTION crm_bump_list_version();
`;

const down = `
DROP TRIGGER campaign_members_list_version ON campaign_members;
DROP INDEX campaigns_name;
-- The row stays (audit rows name it); inactive, unusable as a password and username, it cannot sign in.
ALTER TABLE users DROP COLUMN is_system;
`;

export const systemActorCampaigns = {
  name: '20261202_0013_system_actor_campaigns',
  up: (knex: Knex) => knex.raw(up),
  down: (knex: Knex) => knex.raw(down),
};
