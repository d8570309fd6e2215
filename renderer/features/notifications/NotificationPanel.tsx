import { formatDateTime } from '../../../shared/format';
import { describeError } from '../../api/describeError';
import { notificationsApi, type AppNotification } from '../../api/notificationsApi';
import { useApiData } from '../../api/useApiData';
import { navigate } from '../../app/navigate';
import { useI18n } from '../../i18n/useI18n';
import { useLiveEvent } from '../../live/useLiveEvent';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useToast } from '../../ui/toastContext';
import { notificationText } from './notificationText';
import { notificationTime } from './notificationTime';

/** How many of the newest notifications the bell lists. */
const recentCount = 20;

type NotificationPanelProps = {
  /** After marking read here, so the badge follows at once. */
  onRead: () => void;
  onClose: () => void;
};

/** An app path from a notification's `data.link`, or null. */
function linkOf(notification: AppNotification): string | null {
  const data = notification.data as { link?: unknown } | null;
  return typeof data?.link === 'string' && data.link.startsWith('/') ? data.link : null;
}

/** The bell's drop-down: the newest notifications, unread ones marked; a click marks read and opens the link. */
export function NotificationPanel({ onRead, onClose }: NotificationPanelProps) {
  const { t, locale } = useI18n();
  const showToast = useToast();
  const recent = useApiData(() => notificationsApi.list(recentCount), []);
  useLiveEvent('notifications', recent.reload);
  const now = Date.now();
  const anyUnread = recent.data?.some((notification) => !notification.readAt) ?? false;

  const markRead = async (body: { ids: number[] } | { all: true }) => {
    try {
      await notificationsApi.markRead(body);
      onRead();
      recent.reload();
    } catch (error) {
      showToast(describeError(error, t), 'error');
    }
  };
  const open = async (notification: AppNotification) => {
    if (!notification.readAt) await markRead({ ids: [notification.id] });
    const link = linkOf(notification);
    onClose();
    if (link) navigate(link);
  };

  return (
    <div className="notification-panel" role="dialog" aria-label={t('notifications.title')}>
      <div className="notification-panel-header">
        <strong>{t('notifications.title')}</strong>
        <button type="button" className="notification-mark-all" onClick={() => void markRead({ all: true })} disabled={!anyUnread}>
          {t('notifications.markAllRead')}
        </button>
      </div>
      <ErrorMessage message={recent.error} />
      {recent.data?.length === 0 && <p className="notification-empty">{t('notifications.empty')}</p>}
      {!recent.data && !recent.error && <p className="notification-empty">{t('common.loading')}</p>}
      <ul className="notification-list">
        {recent.data?.map((notification) => (
          <li key={notification.id}>
            <button
              type="button"
              className={notification.readAt ? 'notification-item' : 'notification-item notification-unread'}
              onClick={() => void open(notification)}
            >
              <span className="notification-text">
                {!notification.readAt && <span className="notification-sr-only">{t('notifications.unread')}: </span>}
                {notificationText(notification, t, locale)}
              </span>
              <time className="notification-time" dateTime={notification.createdAt} title={formatDateTime(notification.createdAt)}>
                {notificationTime(notification.createdAt, now, t)}
              </time>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
