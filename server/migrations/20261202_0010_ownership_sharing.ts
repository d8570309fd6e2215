import type { Knex } from 'knex';

/**
 * O1–O4 (issue 11): transfer batches (what a transfer did, so it can be undone), the reason
 * behind every share (a multi-assign rule, a transfer batch), idempotent retries of bulk actions,
 * and what the multi-assign rule screen and the campaigns screen edit.
 */
const up = `
CREATE TABLE transfer_batches (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  options jsonb NOT NULL DEFAULT '{}',
  customer_count integer NOT NULL,
  undone_at timestamptz,
  undone_by bigint REFERENCES users(id)
);

-- One row per customer a batch moved: enough to put it back, and to see it changed since (version).
CREATE TABLE transfer_batch_customers (
  batch_id bigint NOT NULL REFERENCES transfer_batches(id) ON DELETE CASCADE,
  customer_id bigint NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  from_owner_id bigint REFERENCES users(id),
  from_previous_owner_id bigint REFERENCES users(id),
  from_assigned_at timestamptz NOT NULL,
  to_owner_id bigint NOT NULL REFERENCES users(id),
  version_after integer NOT NULL,
  PRIMARY KEY (batch_id, customer_id)
);
CREATE INDEX transfer_batch_customers_customer ON transfer_batch_customers (customer_id);

-- Open activities a batch gave to the new owners, with whom they had before.
CREATE TABLE transfer_batch_activities (
  batch_id bigint NOT NULL REFERENCES transfer_batches(id) ON DELETE CASCADE,
  activity_id bigint NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
  from_owner_id bigint NOT NULL REFERENCES users(id),
  PRIMARY KEY (batch_id, activity_id)
);

ALTER TABLE record_shares ADD COLUMN batch_id bigint REFERENCES transfer_batches(id) ON DELETE SET NULL;
CREATE INDEX record_shares_batch ON record_shares (batch_id) WHERE batch_id IS NOT NULL;
ALTER TABLE ownership_history ADD COLUMN batch_id bigint REFERENCES transfer_batches(id) ON DELETE SET NULL;
ALTER TABLE ownership_history DROP CONSTRAINT ownership_history_reason_check;
ALTER TABLE ownership_history ADD CONSTRAINT ownership_history_reason_check
  CHECK (reason IN ('create', 'transfer', 'claim', 'pool', 'conversion', 'edit', 'undo'));

ALTER TABLE multi_assign_rules
  ADD COLUMN interval_minutes integer NOT NULL DEFAULT 60 CHECK (interval_minutes BETWEEN 1 AND 10080),
  ADD COLUMN last_run_count integer,
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN deleted_at timestamptz;
ALTER TABLE customer_shares ADD COLUMN rule_id bigint REFERENCES multi_assign_rules(id) ON DELETE SET NULL;

ALTER TABLE campaigns ADD COLUMN deleted_at timestamptz;

-- A bulk POST retried with the same Idempotency-Key answers its first answer (24 h, per user).
CREATE TABLE idempotency_keys (
  user_id bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  key text NOT NULL,
  request_hash text NOT NULL,
  status_code integer,
  response jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
`;

const down = `
DROP TABLE idempotency_keys;
ALTER TABLE campaigns DROP COLUMN deleted_at;
ALTER TABLE customer_shares DROP COLUMN rule_id;
ALTER TABLE multi_assign_rules DROP COLUMN interval_minutes, DROP COLUMN last_run_count, DROP COLUMN updated_at, DROP COLUMN deleted_at;
ALTER TABLE ownership_history DROP CONSTRAINT ownership_history_reason_check;
DELETE FROM ownership_history WHERE reason = 'undo';
ALTER TABLE ownership_history ADD CONSTRAINT ownership_history_reason_check
  CHECK (reason IN ('create', 'transfer', 'claim', 'pool', 'conversion', 'edit'));
ALTER TABLE ownership_history DROP COLUMN batch_id;
ALTER TABLE record_shares DROP COLUMN batch_id;
DROP TABLE transfer_batch_activities;
DROP TABLE transfer_batch_customers;
DROP TABLE transfer_batches;
`;

export const ownershipSharing = {
  name: '20261202_0010_ownership_sharing',
  up: (knex: Knex) => knex.raw(up),
  down: (knex: Knex) => knex.raw(down),
};
