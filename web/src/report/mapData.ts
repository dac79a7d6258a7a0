// Loading the public reports for the map from the lean map feed
// (GET /api/v1/regions/{slug}/reports/map-points): one request, positional arrays, status and
// category codes listed once. The first load can be started before the page has rendered
// (prefetchMapReports), so the reports arrive while Leaflet and the region still load.
import { apiGet } from '../api';

export interface MapReport {
  tracking: string;
  status: string;
  category: string;
  lat: number;
  lon: number;
}

export interface MapFilter {
  status: string;
  category: string;
  kecamatan: string;
}

export const NO_FILTER: MapFilter = { status: '', category: '', kecamatan: '' };

export function filterQuery(f: MapFilter, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  if (f.status) q.set('status', f.status);
  if (f.category) q.set('category', f.category);
  if (f.kecamatan) q.set('kecamatan', f.kecamatan);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return q.toString();
}

/** The feed as the server sends it: points are [lat, lon, status index, category index, tracking]. */
export interface MapPointsDoc {
  count?: number;
  truncated?: boolean;
  statuses?: string[];
  categories?: string[];
  points?: unknown[];
}

/** Decodes the feed; malformed points are skipped, unknown indexes read as ''. */
export function fromPoints(doc: MapPointsDoc): { items: MapReport[]; truncated: boolean } {
  const statuses = doc.statuses ?? [];
  const categories = doc.categories ?? [];
  const items: MapReport[] = [];
  for (const p of doc.points ?? []) {
    if (!Array.isArray(p) || p.length < 5) continue;
    const [lat, lon, s, c, tracking] = p as [unknown, unknown, unknown, unknown, unknown];
    if (typeof lat !== 'number' || typeof lon !== 'number' || typeof tracking !== 'string') continue;
    items.push({
      tracking,
      lat,
      lon,
      status: typeof s === 'number' ? (statuses[s] ?? '') : '',
      category: typeof c === 'number' ? (categories[c] ?? '') : '',
    });
  }
  return { items, truncated: doc.truncated === true };
}

function feedPath(slug: string, f: MapFilter): string {
  const q = filterQuery(f);
  return `/api/v1/regions/${encodeURIComponent(slug)}/reports/map-points${q ? `?${q}` : ''}`;
}

// One prefetched answer, used by the next load of the same path within PREFETCH_TTL_MS.
const PREFETCH_TTL_MS = 30_000;
let prefetched: { path: string; at: number; doc: Promise<MapPointsDoc> } | null = null;

/** Starts loading the unfiltered feed now; errors surface in the load that uses it. */
export function prefetchMapReports(slug: string): void {
  const path = feedPath(slug, NO_FILTER);
  if (prefetched?.path === path && Date.now() - prefetched.at < PREFETCH_TTL_MS) return;
  const doc = apiGet<MapPointsDoc>(path);
  doc.catch(() => undefined); // unhandled until a load takes it
  prefetched = { path, at: Date.now(), doc };
}

export async function loadMapReports(
  slug: string,
  f: MapFilter,
  signal: AbortSignal,
): Promise<{ items: MapReport[]; truncated: boolean }> {
  const path = feedPath(slug, f);
  let doc: Promise<MapPointsDoc>;
  if (prefetched?.path === path && Date.now() - prefetched.at < PREFETCH_TTL_MS) {
    doc = prefetched.doc;
    prefetched = null; // a later load (after a filter change and back) asks afresh
  } else {
    doc = apiGet<MapPointsDoc>(path, signal);
  }
  return fromPoints(await doc);
}
