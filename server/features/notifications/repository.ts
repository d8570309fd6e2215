import type { Knex } from 'knex';

/** A user's latest notifications, newest first. */
export async function listNotifications(db: Knex, userId: number, limit = 200) {
  const rows = await db('notifications').where({ user_id: userId })
    .orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }]).limit(limit);
  return rows.map((row) => ({
    id: row.id as number, kind: row.kind as string, title: row.title as string, body: row.body as string | null, data: row.data as unknown,
    readAt: row.read_at ? (row.read_at as Date).toISOString() : null, createdAt: (row.created_at as Date).toISOString(),
  }));
}

/** How many of a user's notifications are unread (the bell's badge). */
export async function countUnreadNotifications(db: Knex, userId: number): Promise<number> {
  const row = await db('notifications').where({ user_id: userId }).whereNull('read_at').count<{ count: number }>({ count: '*' }).first();
  return Number(row?.count ?? 0);
}

/**
 * Marks the user's own unread notifications read: those in `ids` (ids of anyone else's match
 * nothing), or all of them when `ids` is 'all'. How many changed.
 */
export async function markNotificationsRead(db: Knex, userId: number, ids: number[] | 'all'): Promise<number> {
  return db('notifications').where({ user_id: userId }).whereNull('read_at')
    .modify((query) => { if (ids !== 'all') query.whereIn('id', ids); })
    .update({ read_at: db.fn.now() });
}
