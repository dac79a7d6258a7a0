// A tiny client-side router: path patterns, history navigation, link interception.
// The server answers every non-file path with index.html, so deep links work.
import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { name: 'landing' }
  | { name: 'region'; slug: string }
  | { name: 'regionMap'; slug: string }
  | { name: 'report'; slug: string }
  | { name: 'reportDetail'; slug: string; tracking: string }
  | { name: 'inbox'; slug: string; tracking: string | null }
  | { name: 'signIn' }
  | { name: 'register' }
  | { name: 'myReports' }
  | { name: 'about' }
  | { name: 'admin'; slug: string; section: string | null; item: string | null }
  | { name: 'track'; slug: string | null }
  | { name: 'resetPassword' }
  | { name: 'masterplan'; slug: string; section: string; item: string | null }
  | { name: 'notFound' };

const SLUG = '([^/]+)';
const TABLE: Array<[RegExp, (m: RegExpExecArray) => Route]> = [
  [/^\/$/, () => ({ name: 'landing' })],
  [/^\/tentang$/, () => ({ name: 'about' })],
  [new RegExp(`^/r/${SLUG}$`), (m) => ({ name: 'region', slug: decode(m[1] ?? '') })],
  [new RegExp(`^/r/${SLUG}/peta$`), (m) => ({ name: 'regionMap', slug: decode(m[1] ?? '') })],
  [new RegExp(`^/r/${SLUG}/lapor$`), (m) => ({ name: 'report', slug: decode(m[1] ?? '') })],
  [
    new RegExp(`^/r/${SLUG}/laporan/${SLUG}$`),
    (m) => ({ name: 'reportDetail', slug: decode(m[1] ?? ''), tracking: decode(m[2] ?? '') }),
  ],
  [new RegExp(`^/r/${SLUG}/kelola$`), (m) => ({ name: 'inbox', slug: decode(m[1] ?? ''), tracking: null })],
  [
    new RegExp(`^/r/${SLUG}/kelola/${SLUG}$`),
    (m) => ({ name: 'inbox', slug: decode(m[1] ?? ''), tracking: decode(m[2] ?? '') }),
  ],
  [/^\/masuk$/, () => ({ name: 'signIn' })],
  [/^\/daftar$/, () => ({ name: 'register' })],
  [/^\/laporan-saya$/, () => ({ name: 'myReports' })],
  [
    new RegExp(`^/r/${SLUG}/admin(?:/${SLUG})?(?:/${SLUG})?$`),
    (m) => ({
      name: 'admin',
      slug: decode(m[1] ?? ''),
      section: m[2] ? decode(m[2]) : null,
      item: m[3] ? decode(m[3]) : null,
    }),
  ],
  [new RegExp(`^/r/${SLUG}/lacak$`), (m) => ({ name: 'track', slug: decode(m[1] ?? '') })],
  [/^\/lacak$/, () => ({ name: 'track', slug: null })],
  [/^\/lupa-sandi$/, () => ({ name: 'resetPassword' })],
  [
    new RegExp(`^/r/${SLUG}/masterplan(?:/(kesiapan|program|opd)(?:/${SLUG})?)?$`),
    (m) => ({ name: 'masterplan', slug: decode(m[1] ?? ''), section: m[2] ?? '', item: m[3] ? decode(m[3]) : null }),
  ],
];

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Matches a pathname (no query); a trailing slash is ignored. */
export function matchRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') || '/' : pathname || '/';
  for (const [re, make] of TABLE) {
    const m = re.exec(path);
    if (m) return make(m);
  }
  return { name: 'notFound' };
}

export function regionPath(slug: string, page?: 'peta' | 'lapor' | 'kelola' | 'lacak' | 'admin'): string {
  return `/r/${encodeURIComponent(slug)}${page ? `/${page}` : ''}`;
}

export function reportPath(slug: string, tracking: string, staff = false): string {
  return `/r/${encodeURIComponent(slug)}/${staff ? 'kelola' : 'laporan'}/${encodeURIComponent(tracking)}`;
}

/** The sign-in page, coming back to `next` (this page by default) afterwards. */
export function signInPath(next: string = location.pathname): string {
  return `/masuk?next=${encodeURIComponent(next)}`;
}

const listeners = new Set<() => void>();

function notify(): void {
  for (const fn of listeners) fn();
}

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (to === location.pathname + location.search + location.hash) return;
  if (opts.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  notify();
}

if (typeof window !== 'undefined') window.addEventListener('popstate', notify);

/** The current pathname; re-renders on navigation. */
export function usePath(): string {
  const [path, setPath] = useState(() => location.pathname);
  useEffect(() => {
    const fn = () => setPath(location.pathname);
    listeners.add(fn);
    return () => {
      listeners.delete(fn);
    };
  }, []);
  return path;
}

/** Click handler for same-origin links: plain left clicks become history navigation. */
export function interceptLinkClick(e: MouseEvent): void {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = (e.target as Element | null)?.closest?.('a');
  if (!a || a.target || a.hasAttribute('download') || a.getAttribute('rel') === 'external') return;
  const href = a.getAttribute('href');
  if (!href || href.startsWith('#')) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin) return;
  if (url.pathname.startsWith('/api/') || /\.[a-z0-9]+$/i.test(url.pathname)) return;
  e.preventDefault();
  navigate(url.pathname + url.search + url.hash);
}
