import { Type } from 'typebox';
import type { App } from '../../appType';
import { Count, errorResponses } from '../../../shared/schemas/common';
import { MarkReadBody, Notification, NotificationListQuery, UnreadCount } from '../../../shared/schemas/notifications';
import { badRequest } from '../../errors';
import { countUnreadNotifications, listNotifications, markNotificationsRead } from './repository';

const tags = ['notifications'];

/** The caller's own notifications: list, unread count, mark read. Live clients hear of changes on `GET /api/events`. */
export async function notificationRoutes(app: App): Promise<void> {
  app.get('/api/notifications', {
    schema: { tags, description: 'The caller\'s notifications, newest first.', querystring: NotificationListQuery, response: { 200: Type.Array(Notification), ...errorResponses } },
  }, async (request) => listNotifications(app.db, request.actor.id, request.query.limit));

  app.get('/api/notifications/unread-count', { schema: { tags, response: { 200: UnreadCount, ...errorResponses } } }, async (request) => {
    return { count: await countUnreadNotifications(app.db, request.actor.id) };
  });

  app.post('/api/notifications/read', {
    schema: {
      tags,
      description: 'Marks the caller\'s notifications read: `ids`, or `all: true`. Ids of other users\' notifications are ignored; `updated` counts what changed.',
      body: MarkReadBody,
      response: { 200: Count, ...errorResponses },
    },
  }, async (request) => {
    const target = request.body.all ? 'all' : request.body.ids;
    if (!target) throw badRequest('Give the notification ids, or all: true', 'ids');
    return { updated: await markNotificationsRead(app.db, request.actor.id, target) };
  });
}
