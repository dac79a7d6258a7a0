// The notifications section of "Laporan saya": news on the reports the user filed or follows,
// newest first, older pages on demand. Shown items are marked read (POST .../read up to the
// newest shown), which also lowers the header badge; they keep their "baru" mark on this
// visit. A server without the notifications API: the section is not rendered at all.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, portalApi, type NotificationPage, type RegionSummary, type UserNotification } from '../api';
import { ErrorNotice, Loading } from '../components/common';
import { statusLabel } from '../components/ReportBits';
import { formatDateTime } from '../format';
import { nextNotificationQuery, notificationSlug, notificationsMissing, notificationText, setUnread } from '../notifications';
import { reportPath } from '../router';
import { usePortalT } from './portal-messages';

const PAGE = 50;

type State =
  | { state: 'loading' }
  | { state: 'hidden' }
  | { state: 'error'; error: ApiError }
  | { state: 'ok'; items: UserNotification[]; next: string | null; unread: number };

export function Notifications({ regions }: { regions: RegionSummary[] }) {
  const { lang, t, core } = usePortalT();
  const [s, setS] = useState<State>({ state: 'loading' });
  const [more, setMore] = useState<{ busy: boolean; error: ApiError | null }>({ busy: false, error: null });
  const [attempt, setAttempt] = useState(0);

  const markRead = (items: UserNotification[]) => {
    const newest = items.reduce((m, n) => (n.unread && n.id > m ? n.id : m), 0);
    if (!newest) return;
    portalApi.markRead(newest).then(
      (r) => setUnread({ available: true, unread: r.unread }),
      () => undefined, // stays unread; the next visit tries again
    );
  };

  useEffect(() => {
    const ctrl = new AbortController();
    setS({ state: 'loading' });
    portalApi.notifications(`limit=${PAGE}`, ctrl.signal).then(
      (page: NotificationPage) => {
        if (ctrl.signal.aborted) return;
        setS({ state: 'ok', items: page.notifications, next: nextNotificationQuery(page, PAGE), unread: page.unread });
        setUnread({ available: true, unread: page.unread });
        markRead(page.notifications);
      },
      (e: unknown) => {
        if (ctrl.signal.aborted) return;
        if (notificationsMissing(e)) return setS({ state: 'hidden' });
        setS({ state: 'error', error: e instanceof ApiError ? e : new ApiError('network', 0, 'client', '') });
      },
    );
    return () => ctrl.abort();
  }, [attempt]);

  const loadMore = async () => {
    if (s.state !== 'ok' || !s.next) return;
    setMore({ busy: true, error: null });
    try {
      const page = await portalApi.notifications(s.next);
      setS({ ...s, items: [...s.items, ...page.notifications], next: nextNotificationQuery(page, PAGE) });
      markRead(page.notifications);
      setMore({ busy: false, error: null });
    } catch (e) {
      setMore({ busy: false, error: e instanceof ApiError ? e : new ApiError('network', 0, 'client', '') });
    }
  };

  if (s.state === 'hidden') return null;
  const slugs = new Map(regions.map((g) => [g.code, g.slug]));
  const zones = new Map(regions.map((g) => [g.slug, g.timezone]));
  return (
    <section class="card" aria-labelledby="notify-heading" data-testid="notifications">
      <h2 id="notify-heading">
        {t('notify.title')}
        {s.state === 'ok' && s.unread > 0 && <span class="tag">{t('notify.unread', { n: s.unread })}</span>}
      </h2>
      <p class="muted small">{t('notify.hint')}</p>
      {s.state === 'loading' && <Loading />}
      {s.state === 'error' && <ErrorNotice error={s.error} onRetry={() => setAttempt((n) => n + 1)} />}
      {s.state === 'ok' && s.items.length === 0 && <p class="empty">{t('notify.empty')}</p>}
      {s.state === 'ok' && s.items.length > 0 && (
        <ul class="notifications">
          {s.items.map((n) => {
            const slug = notificationSlug(n, slugs);
            const text = notificationText(n, t, (st) => statusLabel(st, core));
            return (
              <li key={n.id} class={n.unread ? 'unread' : ''}>
                {n.unread && <span class="tag">{t('notify.new')}</span>}{' '}
                {slug ? <a href={reportPath(slug, n.tracking)}>{text}</a> : text}
                {n.text && <p class="note-text">{n.text}</p>}
                <time dateTime={n.at}>{formatDateTime(n.at, { lang, timezone: zones.get(slug ?? '') })}</time>
              </li>
            );
          })}
        </ul>
      )}
      {more.error && <ErrorNotice error={more.error} />}
      {s.state === 'ok' && s.next && (
        <button type="button" class="button button-secondary" disabled={more.busy} onClick={() => void loadMore()}>
          {more.busy ? core('common.loading') : t('notify.more')}
        </button>
      )}
    </section>
  );
}
