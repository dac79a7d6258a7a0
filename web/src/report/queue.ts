// The outbox of reports not yet accepted by the server (offline, slow or failing connection).
// Each entry keeps the exact request body and its Idempotency-Key, so sending it again after a
// lost answer never files a second report. Entries live in IndexedDB (idbStore) in the browser;
// the logic here is storage-agnostic so unit tests run it on memoryStore.
export interface QueuedReport {
  key: string; // the Idempotency-Key; also the storage key
  slug: string; // region
  json: string; // the report JSON exactly as sent
  photos: Blob[];
  createdAt: string; // ISO time the citizen pressed send
  attempts: number;
  state: 'waiting' | 'failed'; // failed: the server refused it (needs the citizen), not retried
  error?: string;
  summary: { category: string; description: string };
}

export interface QueueStore {
  all(): Promise<QueuedReport[]>;
  put(entry: QueuedReport): Promise<void>;
  delete(key: string): Promise<void>;
}

/** A fresh Idempotency-Key (random, URL-safe). */
export function newKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Network failures, timeouts, 429 and 5xx are worth retrying; other answers are final. */
export function isRetryable(err: unknown): boolean {
  const e = err as { kind?: string; status?: number } | null;
  if (!e || typeof e.status !== 'number') return true;
  if (e.kind === 'network') return true;
  return e.status === 408 || e.status === 429 || e.status >= 500;
}

export interface Sent<R> {
  entry: QueuedReport;
  result: R;
}

export interface FlushOutcome<R> {
  sent: Sent<R>[];
  failed: QueuedReport[]; // refused now (kept, marked failed)
  waiting: number; // still waiting after this pass
}

/**
 * Sends waiting entries oldest first. A sent entry is removed; a refused one is marked failed
 * with the server's message; a retryable failure stops the pass (the connection is likely
 * down, the rest would fail too) and leaves that entry waiting.
 */
export async function flushQueue<R>(store: QueueStore, send: (e: QueuedReport) => Promise<R>): Promise<FlushOutcome<R>> {
  const entries = (await store.all())
    .filter((e) => e.state === 'waiting')
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const out: FlushOutcome<R> = { sent: [], failed: [], waiting: 0 };
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as QueuedReport;
    try {
      const result = await send(entry);
      await store.delete(entry.key);
      out.sent.push({ entry, result });
    } catch (err) {
      if (isRetryable(err)) {
        await store.put({ ...entry, attempts: entry.attempts + 1 });
        out.waiting = entries.length - i;
        break;
      }
      const failed: QueuedReport = {
        ...entry,
        attempts: entry.attempts + 1,
        state: 'failed',
        error: err instanceof Error && err.message ? err.message : String((err as { code?: string }).code ?? 'error'),
      };
      await store.put(failed);
      out.failed.push(failed);
    }
  }
  return out;
}

export function memoryStore(): QueueStore {
  const data = new Map<string, QueuedReport>();
  return {
    all: async () => [...data.values()],
    put: async (e) => {
      data.set(e.key, e);
    },
    delete: async (key) => {
      data.delete(key);
    },
  };
}

const DB = 'kotacerdas';
const STORE = 'outbox';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'key' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function tx<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return open().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const t = db.transaction(STORE, mode);
        const req = fn(t.objectStore(STORE));
        t.oncomplete = () => {
          db.close();
          resolve(req.result);
        };
        t.onerror = () => {
          db.close();
          reject(t.error);
        };
      }),
  );
}

/** The browser's outbox (IndexedDB "kotacerdas", store "outbox"; Blobs stored as they are). */
export function idbStore(): QueueStore {
  return {
    all: () => tx<QueuedReport[]>('readonly', (s) => s.getAll() as IDBRequest<QueuedReport[]>),
    put: (e) => tx('readwrite', (s) => s.put(e)).then(() => undefined),
    delete: (key) => tx('readwrite', (s) => s.delete(key)).then(() => undefined),
  };
}
