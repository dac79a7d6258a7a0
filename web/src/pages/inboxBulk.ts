// Bulk status changes in the inbox: which selected reports can take the move (only moves that
// need neither a reason nor a public note: diterima -> diverifikasi, diverifikasi -> diproses),
// and running them one after another so each answer is reported on its own. Pure but for the
// `send` function given.
import { moveNeeds, nextStatuses } from '../report/status';

export const BULK_TARGETS = ['diverifikasi', 'diproses'] as const;
export type BulkTarget = (typeof BULK_TARGETS)[number];

export function canBulk(status: string, to: string): boolean {
  return nextStatuses(status).includes(to as never) && moveNeeds(status, to) === null;
}

/** The selected reports split into those that can move to `to` and those skipped. */
export function planBulk(
  items: Array<{ tracking: string; status: string }>,
  selected: ReadonlySet<string>,
  to: string,
): { apply: string[]; skip: string[] } {
  const apply: string[] = [];
  const skip: string[] = [];
  for (const r of items) {
    if (!selected.has(r.tracking)) continue;
    (canBulk(r.status, to) ? apply : skip).push(r.tracking);
  }
  return { apply, skip };
}

export interface BulkResult {
  done: string[];
  failed: Array<{ tracking: string; message: string }>;
}

/** Sends the moves one at a time (the server's writer is serial anyway), reporting progress. */
export async function runBulk(
  trackings: string[],
  send: (tracking: string) => Promise<unknown>,
  onProgress: (done: number) => void = () => undefined,
): Promise<BulkResult> {
  const out: BulkResult = { done: [], failed: [] };
  for (const [i, tracking] of trackings.entries()) {
    try {
      await send(tracking);
      out.done.push(tracking);
    } catch (e) {
      out.failed.push({ tracking, message: e instanceof Error ? e.message : '' });
    }
    onProgress(i + 1);
  }
  return out;
}
