import type { Knex } from 'knex';

/**
 * A transfer's bookkeeping without per-record rows and without per-row FK checks (issue 11).
 *
 * Old records shared by a transfer are now implied by the batch (recordVisible: a batch not undone
 * that moved the customer to the user, with that kind in its options, the record existing then),
 * so the `record_shares` rows a batch wrote go, and with them `record_shares.batch_id`; the table
 * stays for records shared one by one.
 *
 * The foreign keys of the append-only bookkeeping rows go too (the columns stay). Each of these
 * rows is written right after the row it names was updated in the same statement or transaction
 * (changeOwners, the transfer, the open-activity move), and customers, users and activities are
 * never hard-deleted (recycle bin, deactivated users), so the checks prove nothing; at 1,000,000
 * customers a transfer of 89,000 spent 2.4 s of the history insert's 3.35 s, 1.9 s of
 * transfer_batch_customers' 2.65 s and 1.2 s of transfer_batch_activities' on them. The two batch
 * tables keep `batch_id → transfer_batches ON DELETE CASCADE`: deleting a batch takes its rows along.
 */
const up = `
DELETE FROM record_shares WHERE batch_id IS NOT NULL;
DROP INDEX record_shares_batch;
ALTER TABLE record_shares DROP COLUMN batch_id;

ALTER TABLE ownership_history
  DROP CONSTRAINT ownership_history_customer_id_fkey,
  DROP CONSTRAINT ownership_history_from_user_id_fkey,
  DROP CONSTRAINT ownership_history_to_user_id_fkey,
  DROP CONSTRAINT ownership_history_changed_by_fkey,
  DROP CONSTRAINT ownership_history_batch_id_fkey;
ALTER TABLE transfer_batch_customers
  DROP CONSTRAINT transfer_batch_customers_customer_id_fkey,
  DROP CONSTRAINT transfer_batch_customers_from_owner_id_fkey,
  DROP CONSTRAINT transfer_batch_customers_from_previous_owner_id_fkey,
  DROP CONSTRAINT transfer_batch_customers_to_owner_id_fkey;
ALTER TABLE transfer_batch_activities
  DROP CONSTRAINT transfer_batch_activities_activity_id_fkey,
  DROP CONSTRAINT transfer_batch_activities_from_owner_id_fkey;
`;

/**
 * The foreign keys as migrations 0001 and 0010 made them, and record_shares.batch_id with its
 * index and rows rebuilt from the batches not undone: the records of each batch's customers of the
 * kinds it chose that existed then and were not deleted by then, held by someone other than the new
 * owner (by today's owner: who held a record at the time is not kept, so this is the nearest the
 * old rows can come back), the first batch winning where two shared the same record with the same user.
 */
const down = `
ALTER TABLE transfer_batch_activities
  ADD CONSTRAINT transfer_batch_activities_activity_id_fkey FOREIGN KEY (activity_id) REFERENCES activities(id) ON DELETE CASCADE,
  ADD CONSTRAINT transfer_batch_activities_from_owner_id_fkey FOREIGN KEY (from_owner_id) REFERENCES users(id);
ALTER TABLE transfer_batch_customers
  ADD CONSTRAINT transfer_batch_customers_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers(id) ON DELETE CASCADE,
  ADD CONSTRAINT transfer_batch_customers_from_owner_id_fkey FOREIGN KEY (from_owner_id) REFERENCES users(id),
  ADD CONSTRAINT transfer_batch_customers_from_previous_owner_id_fkey FOREIGN KEY (from_previous_owner_id) REFERENCES users(id),
  ADD CONSTRAINT transfer_batch_customers_to_owner_id_fkey FOREIGN KEY (to_owner_id) REFERENCES users(id);
ALTER TABLE ownership_history
  ADD CONSTRAINT ownership_history_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers(id) ON DELETE CASCADE,
  ADD CONSTRAINT ownership_history_from_user_id_fkey FOREIGN KEY (from_user_id) REFERENCES users(id),
  ADD CONSTRAINT ownership_history_to_user_id_fkey FOREIGN KEY (to_user_id) REFERENCES users(id),
  ADD CONSTRAINT ownership_history_changed_by_fkey FOREIGN KEY (changed_by) REFERENCES users(id),
  ADD CONSTRAINT ownership_history_batch_id_fkey FOREIGN KEY (batch_id) REFERENCES transfer_batches(id) ON DELETE SET NULL;

ALTER TABLE record_shares ADD COLUMN batch_id bigint REFERENCES transfer_batches(id) ON DELETE SET NULL;
CREATE INDEX record_shares_batch ON record_shares (batch_id) WHERE batch_id IS NOT NULL;
INSERT INTO record_shares (record_type, record_id, user_id, batch_id, created_at)
SELECT r.record_type, r.id, t.to_owner_id, b.id, b.created_at
  FROM transfer_batches b
  JOIN transfer_batch_customers t ON t.batch_id = b.id
  JOIN (SELECT 'activity' AS record_type, 'shareOldActivities' AS option, id, customer_id, owner_id, created_at, deleted_at FROM activities
        UNION ALL SELECT 'contract', 'shareOldContracts', id, customer_id, owner_id, created_at, deleted_at FROM contracts
        UNION ALL SELECT 'quote', 'shareOldQuotes', id, customer_id, owner_id, created_at, deleted_at FROM quotes
        UNION ALL SELECT 'opportunity', 'shareOldOpportunities', id, customer_id, owner_id, created_at, deleted_at FROM opportunities
        UNION ALL SELECT 'order', 'shareOldOrders', id, customer_id, owner_id, created_at, deleted_at FROM orders) r
    ON r.customer_id = t.customer_id AND b.options @> jsonb_build_object(r.option, true)
   AND r.created_at <= b.created_at AND (r.deleted_at IS NULL OR r.deleted_at > b.created_at) AND r.owner_id <> t.to_owner_id
 WHERE b.undone_at IS NULL
 ORDER BY b.id
ON CONFLICT DO NOTHING;
`;

export const transferBookkeeping = {
  name: '20261202_0015_transfer_bookkeeping',
  up: (knex: Knex) => knex.raw(up),
  down: (knex: Knex) => knex.raw(down),
};
