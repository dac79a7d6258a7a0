// The signed-in user's unread notification count, shared by the header badge and "Laporan
// saya": asked from GET /api/v1/me/notifications (limit=1) and lowered by marking read. A
// server without the notifications API (404) or a caller without notifications (401/403)
// leaves the feature unavailable, and the UI shows nothing for it.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, portalApi, type UserNotification } from './api';
import type { PortalKey } from './pages/portal-messages';

export interface UnreadState {
  available: boolean;
  unread: number;
}

let state: UnreadState = { available: false, unread: 0 };
const listeners = new Set<(s: UnreadState) => void>();

export function setUnread(next: UnreadState): void {
  if (next.available === state.available && next.unread === state.unread) return;
  state = next;
  for (const fn of listeners) fn(state);
}

/** True for answers meaning "no notifications here" rather than a failure worth showing. */
export function notificationsMissing(e: unknown): boolean {
  return e instanceof ApiError && (e.kind === 'unavailable' || e.status === 404 || e.status === 401 || e.status === 403);
}

/** Asks the server for the unread count. Never rejects; network errors keep the last state. */
export async function refreshUnread(): Promise<void> {
  try {
    const page = await portalApi.notifications('limit=1');
    setUnread({ available: true, unread: page.unread });
  } catch (e) {
    if (notificationsMissing(e)) setUnread({ available: false, unread: 0 });
  }
}

export function clearUnread(): void {
  setUnread({ available: false, unread: 0 });
}

export function useUnread(): UnreadState {
  const [s, setS] = useState(state);
  useEffect(() => {
    listeners.add(setS);
    if (s !== state) setS(state);
    return () => {
      listeners.delete(setS);
    };
  }, []);
  return s;
}

/** "3", or "99+" past the server's count cap (it counts up to 100). */
export function badgeText(n: number): string {
  return n > 99 ? '99+' : String(n);
}

/** The sentence for one notification: its kind with the report number and the new state. */
export function notificationText(
  n: Pick<UserNotification, 'kind' | 'tracking' | 'to'>,
  t: (key: PortalKey, vars?: Record<string, string | number>) => string,
  statusName: (status: string) => string,
): string {
  const vars = { tracking: n.tracking, to: n.to ?? '' };
  switch (n.kind) {
    case 'status':
      return t('notify.status', { ...vars, to: n.to ? statusName(n.to) : '' });
    case 'note':
      return t('notify.note', vars);
    case 'assigned':
      return t('notify.assigned', vars);
    case 'reopened':
      return t('notify.reopened', vars);
    case 'merged':
      return t('notify.merged', vars);
    case 'rated':
      return t('notify.rated', vars);
    case 'escalated':
      return t('notify.escalated', vars);
    default:
      return t('notify.other', vars);
  }
}

/**
 * The region slug of a notification: `region_slug` when the server sends it, else `region`
 * when that is a slug, else the slug of the region with that code.
 */
export function notificationSlug(n: Pick<UserNotification, 'region' | 'region_slug'>, slugByCode: Map<string, string>): string | null {
  if (n.region_slug) return n.region_slug;
  if (/^\d+(\.\d+)*$/.test(n.region)) return slugByCode.get(n.region) ?? null;
  return n.region || null;
}

/** The query for the page after `page` (the cursor when the server gives one, else before=<id>). */
export function nextNotificationQuery(page: { notifications: Array<{ id: number }>; next_cursor?: string | null }, limit = 50): string | null {
  const last = page.notifications[page.notifications.length - 1];
  if (!last) return null;
  if (page.next_cursor) return `limit=${limit}&cursor=${encodeURIComponent(page.next_cursor)}`;
  if (page.next_cursor === null) return null;
  return page.notifications.length < limit ? null : `limit=${limit}&before=${last.id}`;
}
