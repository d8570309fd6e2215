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
