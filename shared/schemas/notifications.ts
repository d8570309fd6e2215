import { Type } from 'typebox';
import { Id, Nullable } from './common';

export const Notification = Type.Object({
  id: Id,
  /** One of the server's notification kinds (e.g. `customers_received`); the UI words it from `data`. */
  kind: Type.String(),
  /** Vietnamese wording, for a kind the UI does not know. */
  title: Type.String(),
  body: Nullable(Type.String()),
  /** The numbers and names the wording needs; `link` is the app path of the affected list. */
  data: Type.Unknown(),
  readAt: Nullable(Type.String({ format: 'date-time' })),
  createdAt: Type.String({ format: 'date-time' }),
});
export const NotificationListQuery = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 200 })) });
export const UnreadCount = Type.Object({ count: Type.Integer() });
/** Marks the caller's own notifications read: these `ids` (others' are ignored), or `all`. */
export const MarkReadBody = Type.Object({
  ids: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 1000, uniqueItems: true })),
  all: Type.Optional(Type.Boolean()),
});
