import type { Static } from 'typebox';
import type { Count } from '../../shared/schemas/common';
import type { MarkReadBody, Notification, UnreadCount } from '../../shared/schemas/notifications';
import { http } from './http';

export type AppNotification = Static<typeof Notification>;

/** The signed-in user's own notifications. */
export const notificationsApi = {
  list: (limit: number) => http.get<AppNotification[]>('/api/notifications', { limit }),
  unreadCount: () => http.get<Static<typeof UnreadCount>>('/api/notifications/unread-count'),
  markRead: (body: Static<typeof MarkReadBody>) => http.post<Static<typeof Count>>('/api/notifications/read', body),
};
