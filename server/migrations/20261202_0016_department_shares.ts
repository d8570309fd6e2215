import type { Knex } from 'knex';

/**
 * O2 (issue 11): a customer shared with a department is one `customer_shares` row naming the
 * department, not one row per user of it. Whoever is in the department or any department under it
 * sees the customer (`customerAccess`), someone who leaves it no longer does, and sharing 100,000
 * customers with a department of 17 writes 100,000 rows instead of 1.7 million.
 *
 * - `department_id` (deleting a department takes its share rows along: only an empty department,
 *   no users and no subdepartments, can be deleted, so those rows reached nobody);
 * - a row names a user or a department, never both; department rows are manual shares only
 *   ('assigned' and 'multi_assign' always name users);
 * - the primary key (customer_id, user_id, source) becomes a unique index over the user rows
 *   (`ON CONFLICT (customer_id, user_id, source) WHERE user_id IS NOT NULL` names it), and a
 *   department is shared once per customer;
 * - the foreign keys to customers and users (customer_id, user_id, created_by) go: a bulk share
 *   checked them row by row (29 s of the 40 s that 1.67M rows took at 1,000,000 customers), and
 *   customers and users are never hard-deleted (recycle bin, deactivated users), as for the
 *   bookkeeping tables of migration 0015. `rule_id` keeps its key: deleting a rule sets it NULL.
 */
const up = `
ALTER TABLE customer_shares
  DROP CONSTRAINT customer_shares_pkey,
  DROP CONSTRAINT customer_shares_customer_id_fkey,
  DROP CONSTRAINT customer_shares_user_id_fkey,
  DROP CONSTRAINT customer_shares_created_by_fkey;
ALTER TABLE customer_shares
  ALTER COLUMN user_id DROP NOT NULL,
  ADD COLUMN department_id bigint REFERENCES departments(id) ON DELETE CASCADE,
  ADD CONSTRAINT customer_shares_one_recipient CHECK (num_nonnulls(user_id, department_id) = 1),
  ADD CONSTRAINT customer_shares_department_share CHECK (department_id IS NULL OR source = 'share');
CREATE UNIQUE INDEX customer_shares_user_row ON customer_shares (customer_id, user_id, source) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX customer_shares_department_row ON customer_shares (customer_id, department_id) WHERE department_id IS NOT NULL;
CREATE INDEX customer_shares_department ON customer_shares (department_id, customer_id) WHERE department_id IS NOT NULL;
`;

/**
 * Back to one row per user: each department row becomes 'share' rows for the active users of the
 * department and its subdepartments as they are now (not the customer's owner), with its info
 * types merged into a user's own 'share' row where there is one (several department rows reaching
 * one user merge too); then the department rows go, and the keys of migrations 0001 and 0010 come back.
 */
const down = `
INSERT INTO customer_shares (customer_id, user_id, source, info_types, created_by, created_at)
SELECT s.customer_id, u.id, 'share',
       ARRAY(SELECT t FROM unnest(ARRAY['general', 'contacts', 'activities', 'opportunities', 'quotes', 'contracts', 'orders']) AS t
              WHERE t = ANY(array_agg(x.info_type))),
       min(s.created_by), min(s.created_at)
  FROM customer_shares s
  JOIN departments d ON d.id = s.department_id
  JOIN departments sub ON sub.path LIKE d.path || '%'
  JOIN users u ON u.department_id = sub.id AND u.active
  JOIN customers c ON c.id = s.customer_id
  CROSS JOIN unnest(s.info_types) AS x(info_type)
 WHERE s.department_id IS NOT NULL AND c.owner_id IS DISTINCT FROM u.id
 GROUP BY s.customer_id, u.id
ON CONFLICT (customer_id, user_id, source) WHERE user_id IS NOT NULL
  DO UPDATE SET info_types = ARRAY(SELECT t FROM unnest(ARRAY['general', 'contacts', 'activities', 'opportunities', 'quotes', 'contracts', 'orders']) AS t
                                    WHERE t = ANY(customer_shares.info_types || EXCLUDED.info_types));
DELETE FROM customer_shares WHERE department_id IS NOT NULL;

DROP INDEX customer_shares_department;
DROP INDEX customer_shares_department_row;
DROP INDEX customer_shares_user_row;
ALTER TABLE customer_shares
  DROP CONSTRAINT customer_shares_department_share,
  DROP CONSTRAINT customer_shares_one_recipient,
  DROP COLUMN department_id,
  ALTER COLUMN user_id SET NOT NULL;
ALTER TABLE customer_shares
  ADD PRIMARY KEY (customer_id, user_id, source),
  ADD CONSTRAINT customer_shares_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers(id) ON DELETE CASCADE,
  ADD CONSTRAINT customer_shares_user_id_fkey FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE,
  ADD CONSTRAINT customer_shares_created_by_fkey FOREIGN KEY (created_by) REFERENCES users(id);
`;

export const departmentShares = {
  name: '20261202_0016_department_shares',
  up: (knex: Knex) => knex.raw(up),
  down: (knex: Knex) => knex.raw(down),
};
