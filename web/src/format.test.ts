import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber, formatRupiah, formatTime, zoneOf } from './format';

// 26 November 2026 06:30 UTC = 14.30 WITA = 13.30 WIB = 15.30 WIT
const T = new Date('2026-11-26T06:30:00Z');

describe('formatDate', () => {
  it('writes Indonesian dates in the region zone', () => {
    expect(formatDate(T, { timezone: 'WITA' })).toBe('26 November 2026');
    expect(formatDate('2026-08-17T00:00:00+07:00', { timezone: 'WIB' })).toBe('17 Agustus 2026');
  });
  it('crosses midnight by zone, not by the browser', () => {
    const late = new Date('2026-11-26T16:30:00Z'); // 00.30 WITA on the 27th, 23.30 WIB on the 26th
    expect(formatDate(late, { timezone: 'WITA' })).toBe('27 November 2026');
    expect(formatDate(late, { timezone: 'WIB' })).toBe('26 November 2026');
  });
  it('has English month names', () => {
    expect(formatDate('2026-08-17T05:00:00Z', { lang: 'en', timezone: 'WIB' })).toBe('17 August 2026');
  });
  it('returns an empty string for an invalid date', () => {
    expect(formatDate('not a date')).toBe('');
  });
});

describe('formatTime', () => {
  it('uses a dot and the zone abbreviation', () => {
    expect(formatTime(T, { timezone: 'WITA' })).toBe('14.30 WITA');
    expect(formatTime(T, { timezone: 'WIB' })).toBe('13.30 WIB');
    expect(formatTime(T, { timezone: 'WIT' })).toBe('15.30 WIT');
  });
  it('accepts IANA zones', () => {
    expect(formatTime(T, { timezone: 'Asia/Makassar' })).toBe('14.30 WITA');
    expect(formatTime(T, { timezone: 'Asia/Pontianak' })).toBe('13.30 WIB');
  });
  it('uses a 24-hour clock with a colon in English', () => {
    expect(formatTime('2026-11-26T12:05:00Z', { lang: 'en', timezone: 'WITA' })).toBe('20:05 WITA');
    expect(formatTime('2026-11-26T16:00:00Z', { timezone: 'WITA' })).toBe('00.00 WITA');
  });
  it('combines with the date', () => {
    expect(formatDateTime(T, { timezone: 'WITA' })).toBe('26 November 2026, 14.30 WITA');
  });
});

describe('numbers and money', () => {
  it('formats rupiah with dots and a no-break space', () => {
    expect(formatRupiah(1250000)).toBe('Rp\u00a01.250.000');
    expect(formatRupiah(0)).toBe('Rp\u00a00');
    expect(formatRupiah(-2500.4)).toBe('-Rp\u00a02.500');
    expect(formatRupiah(1250000, 'en')).toBe('Rp\u00a01,250,000');
  });
  it('formats numbers and decimals the Indonesian way', () => {
    expect(formatNumber(83762)).toBe('83.762');
    expect(formatNumber(3.3125, 'id', 2)).toBe('3,31');
    expect(formatNumber(83.333, 'en', 2)).toBe('83.33');
  });
});

describe('zoneOf', () => {
  it('maps abbreviations and defaults to WIB', () => {
    expect(zoneOf('wita')).toEqual({ iana: 'Asia/Makassar', abbr: 'WITA' });
    expect(zoneOf('Asia/Jayapura').abbr).toBe('WIT');
    expect(zoneOf(undefined).abbr).toBe('WIB');
    expect(zoneOf('Europe/Paris').abbr).toBe('WIB');
  });
});
