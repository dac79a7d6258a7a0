import { describe, expect, it } from 'vitest';
import { flushQueue, isRetryable, memoryStore, newKey, type QueuedReport } from './queue';

function entry(key: string, createdAt: string, extra: Partial<QueuedReport> = {}): QueuedReport {
  return {
    key,
    slug: 'manado',
    json: `{"k":"${key}"}`,
    photos: [],
    createdAt,
    attempts: 0,
    state: 'waiting',
    summary: { category: 'Jalan rusak', description: 'Lubang besar' },
    ...extra,
  };
}

const httpError = (status: number, message = 'ditolak') =>
  Object.assign(new Error(message), { kind: status === 0 ? 'network' : 'http', status });

describe('outbox queue', () => {
  it('sends oldest first with each entry its own key, and removes what was sent', async () => {
    const store = memoryStore();
    await store.put(entry('b', '2026-11-26T02:00:00Z'));
    await store.put(entry('a', '2026-11-26T01:00:00Z'));
    const seen: string[] = [];
    const out = await flushQueue(store, async (e) => {
      seen.push(e.key);
      return `MDO-${e.key}`;
    });
    expect(seen).toEqual(['a', 'b']);
    expect(out.sent.map((s) => s.result)).toEqual(['MDO-a', 'MDO-b']);
    expect(await store.all()).toEqual([]);
  });

  it('stops at a network failure and keeps the rest waiting with the same key and body', async () => {
    const store = memoryStore();
    await store.put(entry('a', '2026-11-26T01:00:00Z'));
    await store.put(entry('b', '2026-11-26T02:00:00Z'));
    let calls = 0;
    const out = await flushQueue(store, async () => {
      calls++;
      throw httpError(0);
    });
    expect(calls).toBe(1);
    expect(out.waiting).toBe(2);
    const left = (await store.all()).sort((x, y) => x.key.localeCompare(y.key));
    expect(left.map((e) => [e.key, e.state, e.attempts, e.json])).toEqual([
      ['a', 'waiting', 1, '{"k":"a"}'],
      ['b', 'waiting', 0, '{"k":"b"}'],
    ]);
    // Back online: both go, the first one with the key it had before.
    const keys: string[] = [];
    await flushQueue(store, async (e) => keys.push(e.key));
    expect(keys).toEqual(['a', 'b']);
    expect(await store.all()).toEqual([]);
  });

  it('marks a refused report failed with the server message and goes on', async () => {
    const store = memoryStore();
    await store.put(entry('a', '2026-11-26T01:00:00Z'));
    await store.put(entry('b', '2026-11-26T02:00:00Z'));
    const out = await flushQueue(store, async (e) => {
      if (e.key === 'a') throw httpError(400, 'Kategori tidak dikenal.');
      return 'ok';
    });
    expect(out.sent.map((s) => s.entry.key)).toEqual(['b']);
    expect(out.failed.map((f) => [f.key, f.state, f.error])).toEqual([['a', 'failed', 'Kategori tidak dikenal.']]);
    // Failed entries are not retried automatically.
    let calls = 0;
    await flushQueue(store, async () => calls++);
    expect(calls).toBe(0);
    expect((await store.all()).map((e) => e.key)).toEqual(['a']);
  });

  it('tells retryable failures from final answers', () => {
    expect(isRetryable(httpError(0))).toBe(true);
    expect(isRetryable(httpError(503))).toBe(true);
    expect(isRetryable(httpError(429))).toBe(true);
    expect(isRetryable(httpError(408))).toBe(true);
    expect(isRetryable(httpError(400))).toBe(false);
    expect(isRetryable(httpError(409))).toBe(false);
    expect(isRetryable(httpError(413))).toBe(false);
    expect(isRetryable(new TypeError('Failed to fetch'))).toBe(true);
  });

  it('makes distinct, header-safe keys', () => {
    const a = newKey();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(newKey()).not.toBe(a);
  });
});
