// Going back and forth through a cursor-paged list that only pages towards older entries
// (the audit log): the cursors that opened each page so far, newest page first. Pure.

/** Cursors of the pages visited; the first page has none (null). */
export type CursorTrail = Array<string | null>;

export const FIRST_PAGE: CursorTrail = [null];

export function currentCursor(trail: CursorTrail): string | null {
  return trail[trail.length - 1] ?? null;
}

export function olderPage(trail: CursorTrail, next: string): CursorTrail {
  return [...trail, next];
}

export function newerPage(trail: CursorTrail): CursorTrail {
  return trail.length > 1 ? trail.slice(0, -1) : FIRST_PAGE;
}

/** The audit list query: action filter (exact, or a prefix ending in "."), page size, cursor. */
export function auditQuery(action: string, cursor: string | null, limit = 50): string {
  const q = new URLSearchParams({ limit: String(limit) });
  if (action.trim()) q.set('action', action.trim());
  if (cursor) q.set('cursor', cursor);
  return q.toString();
}
