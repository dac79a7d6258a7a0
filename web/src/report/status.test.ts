import { describe, expect, it } from 'vitest';
import { filterQuery, fromPoints } from './mapData';
import { compareForInbox, formatDistance, moveNeeds, nextStatuses, statusTone } from './status';

describe('report status', () => {
  it('uses the Qlue colours', () => {
    expect(statusTone('diterima')).toBe('red');
    expect(statusTone('diverifikasi')).toBe('yellow');
    expect(statusTone('diproses')).toBe('yellow');
    expect(statusTone('selesai')).toBe('green');
    expect(statusTone('ditolak')).toBe('grey');
  });
  it('offers the workflow moves and what they need', () => {
    expect(nextStatuses('diterima')).toEqual(['diverifikasi', 'ditolak']);
    expect(nextStatuses('diproses')).toEqual(['selesai', 'ditolak']);
    expect(nextStatuses('selesai')).toEqual([]);
    expect(moveNeeds('diproses', 'selesai')).toBe('note');
    expect(moveNeeds('diterima', 'ditolak')).toBe('reason');
    expect(moveNeeds('ditolak', 'diverifikasi')).toBe('reason');
    expect(moveNeeds('diterima', 'diverifikasi')).toBeNull();
  });
  it('puts overdue reports first, then the earliest deadline', () => {
    const r = (id: string, overdue: boolean, due: string | null, created = '2026-11-01') => ({
      id,
      created_at: created,
      sla: due ? { overdue, resolve_due: due } : null,
    });
    const list = [r('a', false, '2026-11-30'), r('b', true, '2026-11-20'), r('c', false, null), r('d', false, '2026-11-25')];
    expect(list.sort(compareForInbox).map((x) => x.id)).toEqual(['b', 'd', 'a', 'c']);
  });
  it('formats distances', () => {
    expect(formatDistance(120.4)).toBe('120 m');
    expect(formatDistance(1234, 'id')).toBe('1,2 km');
    expect(formatDistance(1234, 'en')).toBe('1.2 km');
  });
});

describe('map data', () => {
  it('decodes the map feed and skips malformed points', () => {
    const { items, truncated } = fromPoints({
      truncated: true,
      statuses: ['diterima', 'selesai'],
      categories: ['jalan-rusak'],
      points: [[1.47, 124.84, 1, 0, 'MDO-1'], [1.4, 'x', 0, 0, 'MDO-2'], 'junk', [1.41, 124.8, 7, 0, 'MDO-3']],
    });
    expect(truncated).toBe(true);
    expect(items).toEqual([
      { tracking: 'MDO-1', lat: 1.47, lon: 124.84, status: 'selesai', category: 'jalan-rusak' },
      { tracking: 'MDO-3', lat: 1.41, lon: 124.8, status: '', category: 'jalan-rusak' },
    ]);
  });
  it('builds the filter query', () => {
    expect(filterQuery({ status: 'selesai', category: '', kecamatan: '71.71.01' }, { limit: '100' })).toBe(
      'status=selesai&kecamatan=71.71.01&limit=100',
    );
  });
});
