import type { Knex } from 'knex';
import { writeNotifications } from '../notifications/writeNotifications';
import { readSettings } from '../settings/service';
import { anyRuleEnabled, vnDay } from './poolDue';
import { poolSettings } from './poolSettings';

/** How many customer ids a reminder names in its data (the link lists them all). */
const listedIds = 50;

const count = new Intl.NumberFormat('vi-VN');

/**
 * The reminder (issue 13): each owner some of whose customers an enabled rule would move within
 * `reminderDaysBefore` days of `asOf`'s Vietnamese calendar day (overdue ones included: the next
 * run takes them) gets one notification that day with how many, a few ids and a link to the
 * customer list filtered to exactly them (`poolDueWithin`). `pool_reminders` (user, day) makes it
 * once a day however often the job runs; set-based over `customer_pool_due`. Answers how many
 * owners were reminded.
 */
export async function sendPoolReminders(trx: Knex, asOf?: Date): Promise<number> {
  const { rules, reminderDaysBefore: days } = await readSettings(trx, poolSettings);
  if (days <= 0 || !anyRuleEnabled(rules)) return 0;
  const day = vnDay(trx, asOf);
  const { rows } = await trx.raw<{ rows: { user_id: number; n: number; ids: number[] }[] }>(
    `WITH due AS (
       SELECT c.owner_id AS user_id, count(*)::int AS n, (array_agg(c.id ORDER BY d.due_on, c.id))[1:?] AS ids
         FROM customer_pool_due d JOIN customers c ON c.id = d.customer_id
        WHERE d.due_on <= ? + ?::int AND c.owner_id IS NOT NULL
        GROUP BY c.owner_id
     ), reminded AS (
       INSERT INTO pool_reminders (user_id, day, customer_count) SELECT user_id, ?, n FROM due
       ON CONFLICT (user_id, day) DO NOTHING RETURNING user_id
     )
     SELECT due.* FROM due JOIN reminded USING (user_id) ORDER BY due.user_id`,
    [listedIds, day, days, day],
  );
  await writeNotifications(trx, rows.map((row) => ({
    userId: row.user_id,
    kind: 'pool_reminder' as const,
    title: `${count.format(row.n)} khách hàng của bạn sẽ được chuyển vào Khách hàng chung trong ${days} ngày tới nếu không phát sinh giao dịch`,
    data: { count: row.n, days, customerIds: row.ids.map(Number) },
    link: `/customers?poolDueWithin=${days}`,
  })));
  return rows.length;
}
