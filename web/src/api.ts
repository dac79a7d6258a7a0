// JSON client for /api/v1. Errors come as {"error":{"code","message","details":[...]}}
// in the language asked for with Accept-Language.
import type { AreaMatch, AreaTree, Category, Comment, Me, Opd, Report, ReportPage, RoutingRule, TimelineItem } from './api-types';
import { getLang } from './i18n';

export interface FieldError {
  field: string;
  message: string;
}

export type ApiErrorKind =
  | 'http' // the server answered with an error envelope
  | 'unavailable' // no such API route on this server (yet)
  | 'network'; // no answer at all

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface Envelope {
  error?: { code?: unknown; message?: unknown; details?: unknown };
}

/** Turns an error response into an ApiError; exported for tests. */
export function errorFromResponse(status: number, body: unknown): ApiError {
  const err = (body as Envelope | null)?.error;
  if (!err || typeof err.message !== 'string') {
    // Not our envelope (a proxy page, an old server): a 404 means the route is missing.
    return new ApiError(status === 404 ? 'unavailable' : 'http', status, 'http_' + status, '');
  }
  const code = typeof err.code === 'string' ? err.code : 'error';
  const details = Array.isArray(err.details)
    ? err.details
        .filter((d): d is { field?: unknown; message?: unknown } => typeof d === 'object' && d !== null)
        .map((d) => ({ field: String(d.field ?? ''), message: String(d.message ?? '') }))
    : [];
  // The server's router answers unknown API paths with the generic "not_found" code;
  // missing things inside a route have their own codes (region_not_found, ...).
  const kind: ApiErrorKind = status === 404 && code === 'not_found' ? 'unavailable' : 'http';
  return new ApiError(kind, status, code, err.message, details);
}

export async function apiGet<T>(path: string, signal?: AbortSignal): Promise<T> {
  return apiRequest<T>('GET', path, { signal });
}

// The session's CSRF token: cookie-authenticated writes must send it as X-CSRF-Token
// (src/accounts/guard.h). Set by the session store after sign-in and /auth/me.
let csrfToken = '';
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** A JSON value; FormData (multipart); or a Blob sent as it is. */
  body?: unknown;
  headers?: Record<string, string>;
}

/** Any API call; writes carry the CSRF token. Errors as ApiError (see errorFromResponse). */
export async function apiRequest<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': getLang() === 'en' ? 'en' : 'id',
    ...opts.headers,
  };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData || opts.body instanceof Blob) {
    body = opts.body; // a Blob's Content-Type comes in opts.headers
  } else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body, signal: opts.signal, credentials: 'same-origin' });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError('network', 0, 'network', '');
  }
  if (res.status === 204) return null as T;
  const type = res.headers.get('content-type') ?? '';
  const isJson = type.includes('json');
  let data: unknown = null;
  if (isJson) {
    try {
      data = await res.json();
    } catch {
      data = null;
    }
  }
  if (!res.ok) throw errorFromResponse(res.status, data);
  if (!isJson || data === null) {
    // e.g. index.html from a server without this API: treat like a missing route.
    throw new ApiError('unavailable', res.status, 'not_json', '');
  }
  return data as T;
}

// Shapes of the regions API.
export interface RegionSummary {
  code: string;
  slug: string;
  name: string;
  type: 'kota' | 'kabupaten' | string;
  timezone: string;
}

export interface RegionProfile extends RegionSummary {
  utc_offset_minutes: number;
  province: { code: string; name: string };
  counts: { kecamatan: number; kelurahan: number };
  boundaries: { kecamatan: boolean; kelurahan: boolean };
}

export interface BoundaryFeature {
  type: 'Feature';
  properties: { code: string; name: string; level: string };
  geometry: { type: string; coordinates: unknown };
}

export interface BoundaryCollection {
  type: 'FeatureCollection';
  features: BoundaryFeature[];
}

export const api = {
  regions: (signal?: AbortSignal) => apiGet<{ items: RegionSummary[] }>('/api/v1/regions', signal),
  region: (slug: string, signal?: AbortSignal) =>
    apiGet<RegionProfile>(`/api/v1/regions/${encodeURIComponent(slug)}`, signal),
  boundaries: (slug: string, signal?: AbortSignal) =>
    apiGet<BoundaryCollection>(
      `/api/v1/regions/${encodeURIComponent(slug)}/boundaries?level=kecamatan&tolerance=0.0005`,
      signal,
    ),
};

// Accounts and reports (shapes in api-types.ts).
const R = (slug: string) => `/api/v1/regions/${encodeURIComponent(slug)}`;
const T = (slug: string, tracking: string) => `${R(slug)}/reports/${encodeURIComponent(tracking)}`;

export const auth = {
  me: (signal?: AbortSignal) => apiGet<Me>('/api/v1/auth/me', signal),
  login: (login: string, password: string) =>
    apiRequest<Me>('POST', '/api/v1/auth/login', { body: { login, password } }),
  logout: () => apiRequest<unknown>('POST', '/api/v1/auth/logout'),
  register: (body: { name: string; email?: string; phone?: string; password: string; language: string }) =>
    apiRequest<{ user_id: number }>('POST', '/api/v1/auth/register', { body }),
  verify: (login: string, code: string) => apiRequest<unknown>('POST', '/api/v1/auth/verify', { body: { login, code } }),
};

export const reportsApi = {
  categories: (slug: string, signal?: AbortSignal) => apiGet<{ items: Category[] }>(`${R(slug)}/categories`, signal),
  areas: (slug: string, signal?: AbortSignal) => apiGet<AreaTree>(`${R(slug)}/areas`, signal),
  lookup: (slug: string, lat: number, lon: number, signal?: AbortSignal) =>
    apiGet<AreaMatch>(`/api/v1/geo/lookup?lat=${lat}&lon=${lon}&region=${encodeURIComponent(slug)}`, signal),
  list: (slug: string, query: string, signal?: AbortSignal) =>
    apiGet<ReportPage>(`${R(slug)}/reports${query ? `?${query}` : ''}`, signal),
  one: (slug: string, tracking: string, signal?: AbortSignal) => apiGet<Report>(T(slug, tracking), signal),
  nearby: (slug: string, category: string, lat: number, lon: number, signal?: AbortSignal) =>
    apiGet<{ items: Report[] }>(
      `${R(slug)}/reports/nearby?category=${encodeURIComponent(category)}&lat=${lat}&lon=${lon}`,
      signal,
    ),
  mine: (signal?: AbortSignal) => apiGet<{ items: Report[] }>('/api/v1/me/reports', signal),
  timeline: (slug: string, tracking: string, signal?: AbortSignal) =>
    apiGet<{ items: TimelineItem[] }>(`${T(slug, tracking)}/timeline`, signal),
  comments: (slug: string, tracking: string, signal?: AbortSignal) =>
    apiGet<{ items: Comment[] }>(`${T(slug, tracking)}/comments`, signal),
  comment: (slug: string, tracking: string, text: string) =>
    apiRequest<Comment>('POST', `${T(slug, tracking)}/comments`, { body: { text } }),
  toggle: (slug: string, tracking: string, what: 'follow' | 'support', on: boolean) =>
    apiRequest<{ following?: boolean; followers?: number; supported?: boolean; supporters?: number }>(
      on ? 'PUT' : 'DELETE',
      `${T(slug, tracking)}/${what}`,
    ),
  rate: (slug: string, tracking: string, stars: number, text: string) =>
    apiRequest<unknown>('POST', `${T(slug, tracking)}/rating`, { body: { stars, text: text || undefined } }),
  status: (slug: string, tracking: string, body: { status: string; reason?: string; note?: string }) =>
    apiRequest<Report>('POST', `${T(slug, tracking)}/status`, { body }),
  note: (slug: string, tracking: string, text: string, isPublic: boolean) =>
    apiRequest<unknown>('POST', `${T(slug, tracking)}/notes`, { body: { text, public: isPublic } }),
  assign: (slug: string, tracking: string, opdId: number, reason: string) =>
    apiRequest<Report>('POST', `${T(slug, tracking)}/assign`, { body: { opd_id: opdId, reason } }),
  resolutionPhotos: (slug: string, tracking: string, form: FormData) =>
    apiRequest<Report>('POST', `${T(slug, tracking)}/photos`, { body: form }),
  opds: (slug: string, signal?: AbortSignal) => apiGet<{ items: Opd[] }>(`${R(slug)}/opds`, signal),
  rules: (slug: string, signal?: AbortSignal) => apiGet<{ items: RoutingRule[] }>(`${R(slug)}/routing-rules`, signal),
};

// Password reset, announcements and notifications (the portal pages).
export interface Announcement {
  id: number;
  region: string;
  title: string;
  body: string;
  audience: 'all' | 'kecamatan' | 'agents' | 'kim' | string;
  kecamatan_code: string | null;
  pinned: boolean;
  publish_at: string;
  expires_at: string | null;
}

export interface UserNotification {
  id: number;
  /** The region's code ("71.71"); older servers sent the slug here. */
  region: string;
  region_slug?: string;
  tracking: string;
  kind: string;
  from: string | null;
  to: string | null;
  text: string | null;
  at: string;
  unread: boolean;
}

export interface NotificationPage {
  notifications: UserNotification[];
  unread: number;
  next_cursor?: string | null;
}

export const portalApi = {
  resetRequest: (login: string) =>
    apiRequest<{ sent_if_exists: boolean }>('POST', '/api/v1/auth/reset/request', { body: { login } }),
  resetConfirm: (login: string, code: string, newPassword: string) =>
    apiRequest<{ reset: boolean }>('POST', '/api/v1/auth/reset/confirm', {
      body: { login, code, new_password: newPassword },
    }),
  announcements: (slug: string, signal?: AbortSignal) =>
    apiGet<{ items: Announcement[] }>(`${R(slug)}/announcements`, signal),
  notifications: (query: string, signal?: AbortSignal) =>
    apiGet<NotificationPage>(`/api/v1/me/notifications?${query}`, signal),
  markRead: (upTo: number) =>
    apiRequest<{ unread: number }>('POST', '/api/v1/me/notifications/read', { body: { up_to: upTo } }),
};
