import { Type } from 'typebox';
import type { App } from '../../app';
import { errorResponses, Id, Nullable } from '../../../shared/schemas/common';

const Notification = Type.Object({
  id: Id, kind: Type.String(), title: Type.String(), body: Nullable(Type.String()), data: Type.Unknown(),
  readAt: Nullable(Type.String({ format: 'date-time' })), createdAt: Type.String({ format: 'date-time' }),
});

/** The caller's notifications, newest first. */
export async function notificationRoutes(app: App): Promise<void> {
  app.get('/api/notifications', { schema: { tags: ['notifications'], response: { 200: Type.Array(Notification), ...errorResponses } } }, async (request) => {
    const rows = await app.db('notifications').where({ user_id: request.actor.id }).orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }]).limit(200);
    return rows.map((row) => ({
      id: row.id, kind: row.kind, title: row.title, body: row.body, data: row.data,
      readAt: row.read_at ? row.read_at.toISOString() : null, createdAt: row.created_at.toISOString(),
    }));
  });
}
