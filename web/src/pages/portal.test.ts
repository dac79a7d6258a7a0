import { describe, expect, it } from 'vitest';
import { ApiError, type Announcement } from '../api';
import { matchRoute } from '../router';
import { badgeText, nextNotificationQuery, notificationSlug, notificationText } from '../notifications';
import { canBulk, planBulk, runBulk } from './inboxBulk';
import { portalMessages, portalTranslate } from './portal-messages';
import { countsOf } from './regionCounts';
import { publicAnnouncements } from './RegionHome';
import { resetFieldErrors } from './ResetPassword';
import { normalizeTracking } from './track-number';

describe('tracking numbers', () => {
  it('accepts what people type and gives the server form', () => {
    expect(normalizeTracking('MDO-2026-000123')).toBe('MDO-2026-000123');
    expect(normalizeTracking('  mdo 2026 123 ')).toBe('MDO-2026-000123');
    expect(normalizeTracking('mdo-2026-1234567')).toBe('MDO-2026-1234567');
    expect(normalizeTracking('MDO2026000001')).toBe('MDO-2026-000001');
  });
  it('refuses what cannot be a report number', () => {
    for (const bad of ['', '123', 'M-2026-1', 'TOOLONG-2026-1', 'MDO-26-1', 'MDO-2026-', 'MDO-2026-1234567890123']) {
      expect(normalizeTracking(bad), bad).toBeNull();
    }
  });
});

describe('routes of the portal pages', () => {
  it('matches admin, track and reset paths', () => {
    expect(matchRoute('/r/manado/admin')).toEqual({ name: 'admin', slug: 'manado', section: null, item: null });
    expect(matchRoute('/r/manado/admin/kategori/jalan-rusak/')).toEqual({
      name: 'admin',
      slug: 'manado',
      section: 'kategori',
      item: 'jalan-rusak',
    });
    expect(matchRoute('/r/manado/lacak')).toEqual({ name: 'track', slug: 'manado' });
    expect(matchRoute('/lacak')).toEqual({ name: 'track', slug: null });
    expect(matchRoute('/lupa-sandi')).toEqual({ name: 'resetPassword' });
  });
});

describe('report counts', () => {
  it('reads open and resolved from the stats', () => {
    expect(countsOf({ total: 12, open: 7, resolved: 4, by_status: { selesai: 4 } })).toEqual({ open: { n: 7 }, resolved: { n: 4 } });
  });
  it('reads missing or broken numbers as 0', () => {
    expect(countsOf({ open: -1 } as never)).toEqual({ open: { n: 0 }, resolved: { n: 0 } });
    expect(countsOf({ open: 'x', resolved: Number.NaN } as never)).toEqual({ open: { n: 0 }, resolved: { n: 0 } });
  });
});

describe('notifications', () => {
  const t = (k: Parameters<typeof portalTranslate>[1], v?: Record<string, string | number>) => portalTranslate('id', k, v);
  it('says what happened in Indonesian', () => {
    expect(notificationText({ kind: 'status', tracking: 'MDO-2026-000001', to: 'diverifikasi' }, t, (s) => s.toUpperCase())).toBe(
      'Status MDO-2026-000001 menjadi DIVERIFIKASI.',
    );
    expect(notificationText({ kind: 'assigned', tracking: 'X', to: 'Dinas PUPR' }, t, String)).toBe('X diteruskan ke Dinas PUPR.');
    expect(notificationText({ kind: 'something-new', tracking: 'X', to: null }, t, String)).toBe('Ada kabar baru tentang X.');
  });
  it('finds the region slug', () => {
    const codes = new Map([['71.71', 'manado']]);
    expect(notificationSlug({ region: '71.71', region_slug: 'manado' }, codes)).toBe('manado');
    expect(notificationSlug({ region: '71.71' }, codes)).toBe('manado');
    expect(notificationSlug({ region: 'manado' }, codes)).toBe('manado');
    expect(notificationSlug({ region: '61.72' }, codes)).toBeNull();
  });
  it('pages with the cursor, or before=<id> without one', () => {
    const items = Array.from({ length: 50 }, (_, i) => ({ id: 100 - i }));
    expect(nextNotificationQuery({ notifications: items, next_cursor: 'a2M' })).toBe('limit=50&cursor=a2M');
    expect(nextNotificationQuery({ notifications: items, next_cursor: null })).toBeNull();
    expect(nextNotificationQuery({ notifications: items })).toBe('limit=50&before=51');
    expect(nextNotificationQuery({ notifications: items.slice(0, 3) })).toBeNull();
    expect(nextNotificationQuery({ notifications: [] })).toBeNull();
  });
  it('caps the badge', () => {
    expect(badgeText(3)).toBe('3');
    expect(badgeText(100)).toBe('99+');
  });
});

describe('inbox bulk moves', () => {
  const items = [
    { tracking: 'A', status: 'diterima' },
    { tracking: 'B', status: 'diverifikasi' },
    { tracking: 'C', status: 'diterima' },
    { tracking: 'D', status: 'selesai' },
  ];
  it('moves only what can take the move without a note', () => {
    expect(canBulk('diterima', 'diverifikasi')).toBe(true);
    expect(canBulk('diproses', 'selesai')).toBe(false);
    expect(planBulk(items, new Set(['A', 'B', 'D']), 'diverifikasi')).toEqual({ apply: ['A'], skip: ['B', 'D'] });
  });
  it('reports each answer', async () => {
    const progress: number[] = [];
    const r = await runBulk(
      ['A', 'C'],
      async (x) => {
        if (x === 'C') throw new ApiError('http', 409, 'invalid_transition', 'Status tidak dapat diubah.');
      },
      (n) => progress.push(n),
    );
    expect(r).toEqual({ done: ['A'], failed: [{ tracking: 'C', message: 'Status tidak dapat diubah.' }] });
    expect(progress).toEqual([1, 2]);
  });
});

describe('password reset and home', () => {
  it('shows the server answers at the fields', () => {
    expect(resetFieldErrors(new ApiError('http', 400, 'invalid_code', 'Kode salah.'))).toEqual({ code: 'Kode salah.' });
    expect(
      resetFieldErrors(new ApiError('http', 400, 'validation_failed', 'x', [{ field: 'password', message: 'Minimal 8 karakter.' }])),
    ).toEqual({ password: 'Minimal 8 karakter.' });
    expect(resetFieldErrors(new ApiError('http', 429, 'rate_limited', 'Terlalu sering.'))).toEqual({});
  });
  it('shows only announcements for everyone', () => {
    const a = (id: number, audience: string) => ({ id, audience }) as Announcement;
    expect(publicAnnouncements([a(1, 'all'), a(2, 'agents'), a(3, 'all'), a(4, 'all'), a(5, 'all')]).map((x) => x.id)).toEqual([1, 3, 4]);
  });
  it('has every portal message in both languages', () => {
    expect(Object.keys(portalMessages.en).sort()).toEqual(Object.keys(portalMessages.id).sort());
    for (const v of Object.values(portalMessages.en)) expect(v).not.toBe('');
  });
});
