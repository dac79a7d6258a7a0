// The browser side of the report outbox: queues a report, sends waiting ones when the browser
// is online (at start, on the "online" event, when the service worker's background sync asks),
// and lets pages watch the queue. One pass at a time per page; other tabs are harmless because
// the server answers a repeated Idempotency-Key with the first answer.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, apiRequest } from '../api';
import type { Report } from '../api-types';
import { buildMultipart } from './multipart';
import { flushQueue, idbStore, type QueuedReport, type QueueStore } from './queue';

export interface SentReport {
  key: string;
  slug: string;
  tracking: string;
  photosDropped: boolean;
}

let store: QueueStore | null = null;
function outbox(): QueueStore {
  store ??= idbStore();
  return store;
}

const listeners = new Set<() => void>();
const sentLog: SentReport[] = [];
function changed(): void {
  for (const fn of listeners) fn();
}

/** Sends one entry: multipart with photos; JSON when there are none or the server takes no photos. */
export async function sendEntry(e: QueuedReport): Promise<{ report: Report; photosDropped: boolean }> {
  const path = `/api/v1/regions/${encodeURIComponent(e.slug)}/reports`;
  const json = () =>
    apiRequest<Report>('POST', path, {
      body: new Blob([e.json], { type: 'application/json' }),
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': e.key },
    });
  if (e.photos.length === 0) return { report: await json(), photosDropped: false };
  const mp = buildMultipart(e.key, e.json, e.photos);
  try {
    const report = await apiRequest<Report>('POST', path, {
      body: mp.body,
      headers: { 'Content-Type': mp.contentType, 'Idempotency-Key': e.key },
    });
    return { report, photosDropped: false };
  } catch (err) {
    // A server without photo uploads yet refuses the media type (415) or, for a body over its
    // JSON limit, the size (413), before storing anything: the report goes without photos.
    if (err instanceof ApiError && (err.status === 415 || err.status === 413)) {
      return { report: await json(), photosDropped: true };
    }
    throw err;
  }
}

export async function enqueue(entry: QueuedReport): Promise<void> {
  await outbox().put(entry);
  changed();
  try {
    const reg = await navigator.serviceWorker?.ready;
    await (reg as unknown as { sync?: { register(tag: string): Promise<void> } })?.sync?.register('kc-outbox');
  } catch {
    // No background sync: the "online" event and the next visit send it.
  }
}

let running: Promise<void> | null = null;

/** One pass over the outbox (joins a pass already running). */
export function flushOutbox(): Promise<void> {
  if (running) return running;
  running = (async () => {
    try {
      const out = await flushQueue(outbox(), sendEntry);
      for (const s of out.sent) {
        sentLog.push({
          key: s.entry.key,
          slug: s.entry.slug,
          tracking: s.result.report.tracking,
          photosDropped: s.result.photosDropped,
        });
      }
    } catch {
      // IndexedDB unavailable (private mode in some browsers): nothing queued to send.
    } finally {
      running = null;
      changed();
    }
  })();
  return running;
}

export async function removeQueued(key: string): Promise<void> {
  await outbox().delete(key);
  changed();
}

export async function retryQueued(entry: QueuedReport): Promise<void> {
  await outbox().put({ ...entry, state: 'waiting', error: undefined });
  await flushOutbox();
}

/** What became of a queued report once sent (for the page that queued it). */
export function sentFor(key: string): SentReport | undefined {
  return sentLog.find((s) => s.key === key);
}

let started = false;
/** Starts sending in the background; called once by main.tsx. */
export function startOutbox(): void {
  if (started || typeof window === 'undefined') return;
  started = true;
  window.addEventListener('online', () => void flushOutbox());
  navigator.serviceWorker?.addEventListener('message', (e: MessageEvent) => {
    if ((e.data as { type?: string } | null)?.type === 'kc-flush') void flushOutbox();
  });
  if (navigator.onLine) void flushOutbox();
}

/** The queued entries of a region (all regions when slug is empty), refreshed on change. */
export function useOutbox(slug = ''): { entries: QueuedReport[]; sent: SentReport[] } {
  const [entries, setEntries] = useState<QueuedReport[]>([]);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const fn = () => setTick((n) => n + 1);
    listeners.add(fn);
    return () => {
      listeners.delete(fn);
    };
  }, []);
  useEffect(() => {
    let live = true;
    outbox()
      .all()
      .then(
        (all) => live && setEntries(all.filter((e) => !slug || e.slug === slug).sort((a, b) => a.createdAt.localeCompare(b.createdAt))),
        () => live && setEntries([]),
      );
    return () => {
      live = false;
    };
  }, [tick, slug]);
  return { entries, sent: sentLog.filter((s) => !slug || s.slug === slug) };
}
