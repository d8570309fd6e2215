import { Type } from 'typebox';
import type { App } from '../../appType';
import { errorResponses, Id, Nullable } from '../../../shared/schemas/common';
import { listNotifications } from './repository';

const Notification = Type.Object({
  id: Id, kind: Type.String(), title: Type.String(), body: Nullable(Type.String()), data: Type.Unknown(),
  readAt: Nullable(Type.String({ format: 'date-time' })), createdAt: Type.String({ format: 'date-time' }),
});

/** The caller's notifications, newest first. */
export async function notificationRoutes(app: App): Promise<void> {
  app.get('/api/notifications', { schema: { tags: ['notifications'], response: { 200: Type.Array(Notification), ...errorResponses } } }, async (request) => {
    return listNotifications(app.db, request.actor.id);
  });
}
