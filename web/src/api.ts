// JSON client for /api/v1. Errors come as {"error":{"code","message","details":[...]}}
// in the language asked for with Accept-Language.
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
  let res: Response;
  try {
    res = await fetch(path, {
      headers: { Accept: 'application/json', 'Accept-Language': getLang() === 'en' ? 'en' : 'id' },
      signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError('network', 0, 'network', '');
  }
  const type = res.headers.get('content-type') ?? '';
  const isJson = type.includes('json');
  let body: unknown = null;
  if (isJson) {
    try {
      body = await res.json();
    } catch {
      body = null;
    }
  }
  if (!res.ok) throw errorFromResponse(res.status, body);
  if (!isJson || body === null) {
    // e.g. index.html from a server without this API: treat like a missing route.
    throw new ApiError('unavailable', res.status, 'not_json', '');
  }
  return body as T;
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
