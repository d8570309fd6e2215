import type { Knex } from 'knex';

/**
 * Live updates (issue 11): Postgres itself announces changes on the `crm_live` channel, whoever
 * writes (a route, a scheduled job, a script), and every server process LISTENs.
 *
 * - `customers`: the statement triggers that bump `crm_list_version` already fire on exactly the
 *   writes that change what a customer grid shows (customers, shares, group members, users,
 *   departments, types, groups; contracts through `customers.revenue`), so the same function
 *   notifies. One constant payload: Postgres folds identical notifications of a transaction into
 *   one and delivers it on commit, so a 100,000-row transfer is one event, a rolled-back one none.
 * - `notifications`: the recipients of new or re-read notifications, so only their bells ask.
 *   Past 300 recipients (payloads stay under Postgres' 8000-byte limit) it names none: everyone checks.
 *
 * `live_tickets`: short-lived single-use tickets that open an event stream (EventSource cannot send
 * the bearer header, and the long-lived token must not sit in a URL). Stored hashed in the
 * database, so whichever process receives the stream can redeem one; tied to the session that
 * asked, so signing out ends them.
 */
const up = `
CREATE OR REPLACE FUNCTION crm_bump_list_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nextval('crm_list_version');
  PERFORM pg_notify('crm_live', '{"topic":"customers"}');
  RETURN NULL;
END $$;

CREATE FUNCTION crm_notify_notifications() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE recipients bigint[];
BEGIN
  SELECT array_agg(user_id ORDER BY user_id) INTO recipients FROM (SELECT DISTINCT user_id FROM changed LIMIT 301) AS r;
  IF recipients IS NULL THEN RETURN NULL; END IF;
  PERFORM pg_notify('crm_live', CASE WHEN cardinality(recipients) > 300 THEN '{"topic":"notifications"}'
    ELSE json_build_object('topic', 'notifications', 'userIds', recipients)::text END);
  RETURN NULL;
END $$;
CREATE TRIGGER notifications_live_insert AFTER INSERT ON notifications
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION crm_notify_notifications();
CREATE TRIGGER notifications_live_update AFTER UPDATE ON notifications
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION crm_notify_notifications();

-- The bell's count: a user's unread notifications without reading the read ones.
CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;

CREATE TABLE live_tickets (
  ticket_hash text PRIMARY KEY,
  session_hash text NOT NULL REFERENCES sessions(token_hash) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL
);
CREATE INDEX live_tickets_session ON live_tickets (session_hash);
CREATE INDEX live_tickets_expiry ON live_tickets (expires_at);
`;

const down = `
DROP TABLE live_tickets;
DROP INDEX notifications_unread;
DROP TRIGGER notifications_live_update ON notifications;
DROP TRIGGER notifications_live_insert ON notifications;
DROP FUNCTION crm_notify_notifications();
CREATE OR REPLACE FUNCTION crm_bump_list_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM nextval('crm_list_version'); RETURN NULL; END $$;
`;

export const liveEvents = {
  name: '20261202_0012_live_events',
  up: (knex: Knex) => knex.raw(up),
  down: (knex: Knex) => knex.raw(down),
};
