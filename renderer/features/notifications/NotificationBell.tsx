import { useRef, useState, type KeyboardEvent } from 'react';
import { notificationsApi } from '../../api/notificationsApi';
import { useApiData } from '../../api/useApiData';
import { useI18n } from '../../i18n/useI18n';
import { useLiveEvent } from '../../live/useLiveEvent';
import { usePressOutside } from '../../ui/usePressOutside';
import { NotificationPanel } from './NotificationPanel';
import './NotificationBell.css';

/**
 * The header's bell: the unread count as a badge, kept current by the live `notifications`
 * event; a click opens the newest notifications. Escape or a press outside closes them.
 */
export function NotificationBell() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const unread = useApiData(() => notificationsApi.unreadCount(), []);
  useLiveEvent('notifications', unread.reload);
  const count = unread.data?.count ?? 0;

  usePressOutside(root, open, () => setOpen(false));

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  };

  return (
    <div className="notification-bell" ref={root} onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        className="notification-bell-button"
        aria-label={count > 0 ? t('notifications.bellUnread', { count }) : t('notifications.title')}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen((wasOpen) => !wasOpen)}
      >
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
        </svg>
        {count > 0 && (
          <span className="notification-badge" aria-hidden="true">
            {count > 99 ? '99+' : count}
          </span>
        )}
      </button>
      {open && <NotificationPanel onRead={unread.reload} onClose={close} />}
    </div>
  );
}
