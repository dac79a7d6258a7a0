// Report counts for the region home. The reports API has no totals or statistics route, so the
// counts come from walking the list (100 per page) up to a page cap; past the cap the count is
// a lower bound ("lebih dari 500"). Callers see only what the list shows them (public reports
// for the public).
import type { ReportPage } from '../api-types';

export const OPEN_STATUSES = 'diterima,diverifikasi,diproses';
export const RESOLVED_STATUSES = 'selesai';
export const COUNT_PAGE = 100;
export const COUNT_MAX_PAGES = 5;

export interface ReportCount {
  n: number;
  /** True when the walk stopped at the cap: there are more than n. */
  atLeast: boolean;
}

export type ListFn = (query: string, signal?: AbortSignal) => Promise<ReportPage>;

export async function countReports(
  list: ListFn,
  status: string,
  signal?: AbortSignal,
  maxPages = COUNT_MAX_PAGES,
): Promise<ReportCount> {
  let n = 0;
  let cursor: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    const q = new URLSearchParams({ status, limit: String(COUNT_PAGE) });
    if (cursor) q.set('cursor', cursor);
    const res = await list(q.toString(), signal);
    n += res.items.length;
    cursor = res.next_cursor;
    if (!cursor) return { n, atLeast: false };
  }
  return { n, atLeast: true };
}
