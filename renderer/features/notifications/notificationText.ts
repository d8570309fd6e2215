import type { AppNotification } from '../../api/notificationsApi';
import { formatCount } from '../../i18n/formatCount';
import type { Locale, MessageParams, Translate } from '../../i18n/translate';
import type { MessageKey } from '../../i18n/vi';

/**
 * The sentence per kind, or per kind + `data.reason` / `data.direction` where it differs (the
 * server's ownerChangeNotices writes those), filled from `data`.
 */
const wordings: Record<string, MessageKey> = {
  customers_received: 'notifications.customersReceived',
  'customers_received.claim': 'notifications.customersReceived.claim',
  'customers_received.conversion': 'notifications.customersReceived.conversion',
  customers_transferred_away: 'notifications.customersTransferredAway',
  'customers_transferred_away.claim': 'notifications.customersTransferredAway.claim',
  'customers_transferred_away.pool': 'notifications.customersTransferredAway.pool',
  'transfer_undone.received': 'notifications.transferUndone.received',
  'transfer_undone.lost': 'notifications.transferUndone.lost',
  customers_shared: 'notifications.customersShared',
  multi_assign_shared: 'notifications.multiAssignShared',
  pool_reminder: 'notifications.poolReminder',
};

/** A notification in the user's language; its stored (Vietnamese) title when the kind or a needed value is unknown. */
export function notificationText(notification: AppNotification, t: Translate, locale: Locale): string {
  const data = typeof notification.data === 'object' && notification.data !== null ? (notification.data as Record<string, unknown>) : {};
  const key = [`${notification.kind}.${String(data.reason)}`, `${notification.kind}.${String(data.direction)}`, notification.kind]
    .map((candidate) => wordings[candidate])
    .find(Boolean);
  if (!key) return notification.title;
  const params: MessageParams = {};
  for (const [name, value] of Object.entries(data)) {
    if (typeof value === 'number') params[name] = formatCount(value, locale);
    else if (typeof value === 'string') params[name] = value;
  }
  const text = t(key, params);
  return /\{\w+\}/.test(text) ? notification.title : text;
}
