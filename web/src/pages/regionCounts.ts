// Report counts for the region home, from GET /api/v1/regions/{slug}/reports/stats (every
// report of the region by status, kept exact by the server).
import { apiGet } from '../api';

export interface ReportCount {
  n: number;
}

export interface RegionStats {
  total?: number;
  open?: number;
  resolved?: number;
  by_status?: Record<string, number>;
}

/** Open (diterima, diverifikasi, diproses) and resolved (selesai) counts; absent fields read 0. */
export function countsOf(stats: RegionStats): { open: ReportCount; resolved: ReportCount } {
  const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0);
  return { open: { n: n(stats.open) }, resolved: { n: n(stats.resolved) } };
}

export async function loadRegionCounts(slug: string, signal?: AbortSignal) {
  return countsOf(await apiGet<RegionStats>(`/api/v1/regions/${encodeURIComponent(slug)}/reports/stats`, signal));
}
