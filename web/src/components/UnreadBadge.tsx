// The unread-notification count beside "Laporan saya" in the header, for signed-in users. Asks
// again every minute while the page is visible, and when it becomes visible again.
import { useEffect } from 'preact/hooks';
import { badgeText, refreshUnread, useUnread } from '../notifications';
import { usePortalT } from '../pages/portal-messages';

const REFRESH_MS = 60_000;

export function UnreadBadge() {
  const { t } = usePortalT();
  const { available, unread } = useUnread();
  useEffect(() => {
    void refreshUnread();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void refreshUnread();
    }, REFRESH_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refreshUnread();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, []);
  if (!available || unread <= 0) return null;
  return (
    <span class="unread-badge" data-testid="unread-badge">
      <span aria-hidden="true">{badgeText(unread)}</span>
      <span class="visually-hidden">{t('notify.badge', { n: unread })}</span>
    </span>
  );
}
