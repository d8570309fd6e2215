import { formatDateTime } from '../../../shared/format';
import type { Translate } from '../../i18n/translate';

/** "5 phút trước" within a day, else `dd/MM/yyyy HH:mm`. */
export function notificationTime(createdAt: string, now: number, t: Translate): string {
  const minutes = Math.floor((now - Date.parse(createdAt)) / 60_000);
  if (minutes < 1) return t('notifications.justNow');
  if (minutes < 60) return t('notifications.minutesAgo', { count: minutes });
  if (minutes < 24 * 60) return t('notifications.hoursAgo', { count: Math.floor(minutes / 60) });
  return formatDateTime(createdAt);
}
