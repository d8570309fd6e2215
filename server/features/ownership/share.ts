import type { Knex } from 'knex';
import { infoTypes as allInfoTypes } from '../../../shared/schemas/enums';
import type { ShareBody, ShareResult } from '../../../shared/schemas/ownership';
import type { Actor } from '../../access/actor';
import { badRequest } from '../../errors';
import { writeAudit } from '../audit/writeAudit';
import { editableSelection } from '../customers/selection';
import { writeNotifications } from '../notifications/writeNotifications';
import { checkDepartmentsExist, checkUsersActive } from './recipients';

const auditIdLimit = 1000;
const count = new Intl.NumberFormat('vi-VN');
/** Single-key advisory lock (see customers/duplicates.ts for the numbering): one share at a time. */
const shareLockKey = 47_800_004;

/** SQL: ids of the departments `ids` (a bigint[] expression) and of every department under them. */
const subtreeOf = (ids: string) => `SELECT sub.id FROM departments d JOIN departments sub ON sub.path LIKE d.path || '%' WHERE d.id = ANY(${ids})`;

/**
 * The 'share' rows `cs` of a customer `s` (of share_selection) that the chosen recipients name:
 * the chosen users' rows (never the owner's) and the chosen departments' rows.
 */
const chosenRow = `coalesce((cs.user_id = ANY(:users::bigint[]) AND cs.user_id IS DISTINCT FROM s.owner_id) OR cs.department_id = ANY(:departments::bigint[]), false)`;

/** The info types a chosen row gets: add merges the chosen ones in (in the order of `infoTypes`), replace sets exactly them. */
const newTypes = {
  add: { value: 'ARRAY(SELECT t FROM unnest(:all::text[]) AS t WHERE t = ANY(cs.info_types || :types::text[]))', changed: 'NOT (cs.info_types @> :types::text[])' },
  replace: { value: ':types::text[]', changed: 'NOT (cs.info_types @> :types::text[] AND cs.info_types <@ :types::text[])' },
};

type Reached = { userId: number; customers: number; firstId: number };

/**
 * O2, in the caller's transaction: share the selected customers (all of which the actor may
 * edit) read-only with users and departments, with the chosen info types. A user gets a row
 * naming them, a department one row naming it (whoever is in it or under it sees the customer,
 * see customerAccess). `add` unions the types into the chosen rows, `replace` makes the chosen
 * users and departments the only 'share' rows of those customers with exactly those types,
 * `remove` deletes the chosen rows; 'assigned' and 'multi_assign' rows are never touched and a
 * customer never gets a user row for its own owner.
 *
 * Set-based: a DELETE, an UPDATE of the rows whose types change and a plain INSERT of the missing
 * rows (an anti-join in customer order; at 1.67M rows it took 10.4 s where INSERT … ON CONFLICT
 * DO UPDATE took 16.6 s). One notification per user newly reached: by a new user row, or as an
 * active user in or under a department of a new department row (not the actor, not the owner).
 */
export async function shareCustomers(trx: Knex, actor: Actor, body: ShareBody): Promise<ShareResult> {
  const userIds = body.userIds ?? [];
  const departmentIds = body.departmentIds ?? [];
  if (userIds.length === 0 && departmentIds.length === 0) throw badRequest('Choose at least one user or department', 'userIds');
  await checkUsersActive(trx, userIds);
  await checkDepartmentsExist(trx, departmentIds);
  const types = allInfoTypes.filter((type) => body.infoTypes.includes(type));
  const selection = await editableSelection(trx, actor, body);
  // A concurrent share of the same customers would insert the same missing rows (a unique violation).
  await trx.raw('SELECT pg_advisory_xact_lock(?)', [shareLockKey]);
  await trx.raw('DROP TABLE IF EXISTS share_selection');
  const selected = await trx.raw('CREATE TEMP TABLE share_selection ON COMMIT DROP AS ?', [selection.query.clearSelect().select('c.id', 'c.owner_id')]);
  const customers = selected.rowCount ?? 0;
  await trx.raw('ALTER TABLE share_selection ADD PRIMARY KEY (id)');
  await trx.raw('ANALYZE share_selection');
  const bindings = { users: userIds, departments: departmentIds, types, all: [...allInfoTypes], actor: actor.id };

  let removed = 0;
  if (body.mode !== 'add') {
    const doomed = body.mode === 'remove'
      ? '(cs.user_id = ANY(:users::bigint[]) OR cs.department_id = ANY(:departments::bigint[]))'
      : `NOT ${chosenRow}`;
    const deleted = await trx.raw(
      `DELETE FROM customer_shares cs USING share_selection s WHERE cs.customer_id = s.id AND cs.source = 'share' AND ${doomed}`,
      bindings,
    );
    removed = deleted.rowCount ?? 0;
  }
  let written = 0;
  let reached: Reached[] = [];
  if (body.mode !== 'remove') {
    const merge = newTypes[body.mode];
    const updated = await trx.raw(
      `UPDATE customer_shares cs SET info_types = ${merge.value}
         FROM share_selection s
        WHERE cs.customer_id = s.id AND cs.source = 'share' AND ${chosenRow} AND ${merge.changed}`,
      bindings,
    );
    const { rows: [insert] } = await trx.raw<{ rows: { inserted: number; reached: Reached[] }[] }>(
      `WITH inserted AS (
         INSERT INTO customer_shares (customer_id, user_id, department_id, source, info_types, created_by)
         SELECT n.customer_id, n.user_id, n.department_id, 'share', :types::text[], :actor
           FROM (SELECT s.id AS customer_id, u.id AS user_id, NULL::bigint AS department_id
                   FROM share_selection s CROSS JOIN unnest(:users::bigint[]) AS u(id)
                  WHERE s.owner_id IS DISTINCT FROM u.id
                    AND NOT EXISTS (SELECT 1 FROM customer_shares cs WHERE cs.customer_id = s.id AND cs.user_id = u.id AND cs.source = 'share')
                 UNION ALL
                 SELECT s.id, NULL, d.id
                   FROM share_selection s CROSS JOIN unnest(:departments::bigint[]) AS d(id)
                  WHERE NOT EXISTS (SELECT 1 FROM customer_shares cs WHERE cs.customer_id = s.id AND cs.department_id = d.id)) n
          ORDER BY n.customer_id
         RETURNING customer_id, user_id, department_id
       ), per_customer AS (
         SELECT i.customer_id, s.owner_id,
                coalesce(array_agg(i.user_id ORDER BY i.user_id) FILTER (WHERE i.user_id IS NOT NULL), '{}') AS user_ids,
                coalesce(array_agg(i.department_id ORDER BY i.department_id) FILTER (WHERE i.department_id IS NOT NULL), '{}') AS department_ids
           FROM inserted i JOIN share_selection s ON s.id = i.customer_id
          GROUP BY i.customer_id, s.owner_id
       ), alike AS (
         -- Customers with the same new rows and the same owner newly reach the same users: expand
         -- each such group to its users once, not each of (say) 100,000 department rows.
         SELECT user_ids, department_ids, owner_id, count(*)::int AS n, min(customer_id) AS first_id
           FROM per_customer GROUP BY user_ids, department_ids, owner_id
       ), reached AS (
         SELECT u.id AS user_id, sum(a.n)::int AS customers, min(a.first_id) AS first_id
           FROM alike a
          CROSS JOIN LATERAL (SELECT unnest(a.user_ids) AS id
                              UNION
                              SELECT m.id FROM users m WHERE m.department_id IN (${subtreeOf('a.department_ids')})) r
           JOIN users u ON u.id = r.id AND u.active
          WHERE u.id IS DISTINCT FROM a.owner_id AND u.id <> :actor
          GROUP BY u.id
       )
       SELECT (SELECT count(*)::int FROM inserted) AS inserted,
              (SELECT coalesce(json_agg(json_build_object('userId', r.user_id, 'customers', r.customers, 'firstId', r.first_id) ORDER BY r.user_id), '[]')
                 FROM reached r) AS reached`,
      bindings,
    );
    written = (updated.rowCount ?? 0) + insert.inserted;
    reached = insert.reached;
  }
  const { rows: [users] } = await trx.raw<{ rows: { n: number }[] }>(
    `SELECT count(*)::int AS n FROM users u WHERE u.active AND (u.id = ANY(:users::bigint[]) OR u.department_id IN (${subtreeOf(':departments::bigint[]')}))`,
    bindings,
  );

  await writeNotifications(trx, reached.map((row) => ({
    userId: row.userId,
    kind: 'customers_shared' as const,
    title: `${actor.fullName} đã chia sẻ với bạn ${count.format(row.customers)} khách hàng`,
    data: { count: row.customers, actorId: actor.id, actorName: actor.fullName, infoTypes: types },
    link: row.customers === 1 ? `/customers/${row.firstId}` : '/customers',
  })));
  const ids = customers <= auditIdLimit ? (await trx('share_selection').orderBy('id').pluck('id')) as number[] : [];
  await writeAudit(trx, actor.id, `share_${body.mode}`, 'customer', ids, {
    count: customers, userIds, departmentIds, infoTypes: types, written, removed, filter: body.filter ?? null,
  });
  return { customers, users: users.n, written, removed };
}
