import type { Knex } from 'knex';

/**
 * Kinds of notification. The renderer words each kind in the user's language from `data`;
 * `title` is the Vietnamese wording for any other reader (and the fallback).
 */
export const notificationKinds = ['customers_received', 'customers_transferred_away', 'transfer_undone', 'customers_shared', 'multi_assign_shared', 'pool_reminder'] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export type NewNotification = {
  userId: number;
  kind: NotificationKind;
  title: string;
  body?: string | null;
  /** The numbers and names the wording needs, e.g. `{ count: 3334, actorName: 'Nguyễn Văn An' }`. */
  data?: Record<string, unknown>;
  /** App path of the affected list, e.g. `/customers?batch=12`. */
  link?: string;
};

/**
 * The one writer of notifications: one row per recipient per action (never one per customer),
 * in the caller's transaction, so they appear exactly when the change commits. Live clients hear
 * of them through the notifications table's trigger.
 */
export async function writeNotifications(trx: Knex, notifications: NewNotification[]): Promise<void> {
  if (notifications.length === 0) return;
  await trx.raw(
    `INSERT INTO notifications (user_id, kind, title, body, data)
     SELECT u, k, t, nullif(b, ''), d FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::jsonb[]) AS x(u, k, t, b, d)`,
    [
      notifications.map((n) => n.userId),
      notifications.map((n) => n.kind),
      notifications.map((n) => n.title),
      notifications.map((n) => n.body ?? '') as string[],
      notifications.map((n) => JSON.stringify({ ...n.data, ...(n.link ? { link: n.link } : {}) })),
    ],
  );
}
