import type { Knex } from 'knex';
import { infoTypes as allInfoTypes } from '../../../shared/schemas/enums';
import type { ShareBody, ShareResult } from '../../../shared/schemas/ownership';
import type { Actor } from '../../access/actor';
import { writeAudit } from '../audit/writeAudit';
import { editableSelection } from '../customers/selection';
import { writeNotifications } from '../notifications/writeNotifications';
import { resolveRecipients } from './recipients';

const auditIdLimit = 1000;
const count = new Intl.NumberFormat('vi-VN');

/** The info types a share row keeps: add merges them in, replace sets exactly the chosen ones. */
const mergedTypes = {
  add: { value: `ARRAY(SELECT t FROM unnest(?::text[]) AS t WHERE t = ANY(customer_shares.info_types || EXCLUDED.info_types))`, changed: 'NOT (customer_shares.info_types @> EXCLUDED.info_types)' },
  replace: { value: 'EXCLUDED.info_types', changed: 'NOT (customer_shares.info_types @> EXCLUDED.info_types AND customer_shares.info_types <@ EXCLUDED.info_types)' },
};

/**
 * O2, in the caller's transaction: share the selected customers (all of which the actor may
 * edit) read-only with users and departments, with the chosen info types. `add` unions into the
 * users' 'share' rows, `replace` makes the chosen users the only 'share' users with exactly those
 * types, `remove` takes the users' 'share' rows away; 'assigned' and 'multi_assign' rows are never
 * touched and a customer is never shared with its own owner. Set-based; one notification per
 * newly shared user.
 */
export async function shareCustomers(trx: Knex, actor: Actor, body: ShareBody): Promise<ShareResult> {
  const recipients = await resolveRecipients(trx, body);
  const userIds = recipients.map((recipient) => recipient.id);
  const types = allInfoTypes.filter((type) => body.infoTypes.includes(type));
  const selection = await editableSelection(trx, actor, body);
  await trx.raw('DROP TABLE IF EXISTS share_selection');
  const selected = await trx.raw('CREATE TEMP TABLE share_selection ON COMMIT DROP AS ?', [selection.query.clearSelect().select('c.id', 'c.owner_id')]);
  const customers = selected.rowCount ?? 0;
  await trx.raw('ALTER TABLE share_selection ADD PRIMARY KEY (id)');
  await trx.raw('ANALYZE share_selection');

  let removed = 0;
  if (body.mode !== 'add') {
    const others = body.mode === 'remove' ? 'cs.user_id = ANY(?::bigint[])' : '(NOT (cs.user_id = ANY(?::bigint[])) OR cs.user_id = s.owner_id)';
    const deleted = await trx.raw(
      `DELETE FROM customer_shares cs USING share_selection s WHERE cs.customer_id = s.id AND cs.source = 'share' AND ${others}`,
      [userIds],
    );
    removed = deleted.rowCount ?? 0;
  }
  let written = 0;
  const newlyShared: { user_id: number; inserted: number; first_id: number }[] = [];
  if (body.mode !== 'remove') {
    const merge = mergedTypes[body.mode];
    const { rows } = await trx.raw<{ rows: { user_id: number; inserted: number; written: number; first_id: number }[] }>(
      `WITH written AS (
         INSERT INTO customer_shares (customer_id, user_id, source, info_types, created_by)
         SELECT s.id, u.id, 'share', ?::text[], ? FROM share_selection s CROSS JOIN unnest(?::bigint[]) AS u(id)
          WHERE s.owner_id IS DISTINCT FROM u.id
         ON CONFLICT (customer_id, user_id, source) DO UPDATE SET info_types = ${merge.value} WHERE ${merge.changed}
         RETURNING customer_id, user_id, old.user_id IS NULL AS inserted)
       SELECT user_id, count(*)::int AS written, count(*) FILTER (WHERE inserted)::int AS inserted,
              min(customer_id) FILTER (WHERE inserted) AS first_id
         FROM written GROUP BY user_id`,
      [types, actor.id, userIds, ...(body.mode === 'add' ? [[...allInfoTypes]] : [])],
    );
    written = rows.reduce((sum, row) => sum + row.written, 0);
    newlyShared.push(...rows.filter((row) => row.inserted > 0 && row.user_id !== actor.id));
  }

  await writeNotifications(trx, newlyShared.map((row) => ({
    userId: row.user_id,
    kind: 'customers_shared' as const,
    title: `${actor.fullName} đã chia sẻ với bạn ${count.format(row.inserted)} khách hàng`,
    data: { count: row.inserted, actorId: actor.id, actorName: actor.fullName, infoTypes: types },
    link: row.inserted === 1 ? `/customers/${row.first_id}` : '/customers',
  })));
  const ids = customers <= auditIdLimit ? (await trx('share_selection').orderBy('id').pluck('id')) as number[] : [];
  await writeAudit(trx, actor.id, `share_${body.mode}`, 'customer', ids, { count: customers, userIds, infoTypes: types, written, removed, filter: body.filter ?? null });
  return { customers, users: userIds.length, written, removed };
}
