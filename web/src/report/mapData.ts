// Loading the public reports for the map: the GeoJSON export in one request when the server
// has it, otherwise the paged list (100 per page) up to MAX_LIST_PAGES pages.
import { ApiError, apiGet, reportsApi } from '../api';
import type { Report } from '../api-types';

export const MAX_LIST_PAGES = 50;

export interface MapReport {
  tracking: string;
  status: string;
  category: string;
  lat: number;
  lon: number;
  kecamatan_code: string | null;
  description: string;
}

export interface MapFilter {
  status: string;
  category: string;
  kecamatan: string;
}

export function filterQuery(f: MapFilter, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  if (f.status) q.set('status', f.status);
  if (f.category) q.set('category', f.category);
  if (f.kecamatan) q.set('kecamatan', f.kecamatan);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return q.toString();
}

interface GeoFeature {
  geometry: { type: string; coordinates: [number, number] } | null;
  properties: Partial<Report> | null;
}

/** GeoJSON point features to map reports; features without a point are skipped. */
export function fromGeoJson(fc: { features?: GeoFeature[] }): MapReport[] {
  const out: MapReport[] = [];
  for (const f of fc.features ?? []) {
    const c = f.geometry?.type === 'Point' ? f.geometry.coordinates : null;
    const p = f.properties ?? {};
    if (!c || typeof c[0] !== 'number' || typeof c[1] !== 'number') continue;
    out.push({
      tracking: String(p.tracking ?? ''),
      status: String(p.status ?? ''),
      category: String(p.category ?? ''),
      lat: c[1],
      lon: c[0],
      kecamatan_code: p.kecamatan_code ?? null,
      description: String(p.description ?? ''),
    });
  }
  return out;
}

export function fromReport(r: Report): MapReport {
  return {
    tracking: r.tracking,
    status: r.status,
    category: r.category,
    lat: r.lat,
    lon: r.lon,
    kecamatan_code: r.kecamatan_code,
    description: r.description,
  };
}

export async function loadMapReports(
  slug: string,
  f: MapFilter,
  signal: AbortSignal,
): Promise<{ items: MapReport[]; truncated: boolean }> {
  try {
    const fc = await apiGet<{ features?: GeoFeature[] }>(
      `/api/v1/regions/${encodeURIComponent(slug)}/reports/export.geojson?${filterQuery(f)}`,
      signal,
    );
    return { items: fromGeoJson(fc), truncated: false };
  } catch (e) {
    // No export route yet: the path then reads as a tracking number (404 report_not_found).
    if (!(e instanceof ApiError) || (e.kind !== 'unavailable' && e.status !== 404 && e.status !== 403)) throw e;
  }
  const items: MapReport[] = [];
  let cursor = '';
  for (let page = 0; page < MAX_LIST_PAGES; page++) {
    const res = await reportsApi.list(slug, filterQuery(f, { limit: '100', ...(cursor ? { cursor } : {}) }), signal);
    items.push(...res.items.map(fromReport));
    if (!res.next_cursor) return { items, truncated: false };
    cursor = res.next_cursor;
  }
  return { items, truncated: true };
}
