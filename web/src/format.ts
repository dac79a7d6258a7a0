// Indonesian display formats through Intl: 26 November 2026, 14.30 WITA, Rp 1.250.000.
// English keeps the region's time-zone abbreviation and the rupiah sign; only separators
// and month names change.
import type { Lang } from './i18n-core';

export type ZoneAbbr = 'WIB' | 'WITA' | 'WIT';

const ZONES: Record<ZoneAbbr, string> = {
  WIB: 'Asia/Jakarta',
  WITA: 'Asia/Makassar',
  WIT: 'Asia/Jayapura',
};

const IANA_TO_ABBR: Record<string, ZoneAbbr> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Ujung_Pandang': 'WITA',
  'Asia/Jayapura': 'WIT',
};

export interface Zone {
  iana: string;
  abbr: ZoneAbbr;
}

/** Accepts WIB/WITA/WIT (as the API sends) or an Indonesian IANA name; defaults to WIB. */
export function zoneOf(tz: string | undefined | null): Zone {
  const t = (tz ?? '').trim();
  const upper = t.toUpperCase();
  if (upper === 'WIB' || upper === 'WITA' || upper === 'WIT') {
    return { iana: ZONES[upper], abbr: upper };
  }
  const abbr = IANA_TO_ABBR[t];
  if (abbr) return { iana: t, abbr };
  return { iana: ZONES.WIB, abbr: 'WIB' };
}

function locale(lang: Lang): string {
  return lang === 'en' ? 'en-GB' : 'id-ID';
}

function toDate(value: Date | string | number): Date {
  return value instanceof Date ? value : new Date(value);
}

export interface FormatOptions {
  lang?: Lang;
  /** WIB, WITA, WIT or an IANA zone; the region's zone, not the browser's. */
  timezone?: string;
}

/** "26 November 2026" (id) / "26 November 2026" (en), in the given zone. */
export function formatDate(value: Date | string | number, opts: FormatOptions = {}): string {
  const d = toDate(value);
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat(locale(opts.lang ?? 'id'), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: zoneOf(opts.timezone).iana,
  }).format(d);
}

/** "14.30 WITA" (id) / "14:30 WITA" (en): 24-hour clock in the region's zone. */
export function formatTime(value: Date | string | number, opts: FormatOptions = {}): string {
  const d = toDate(value);
  if (Number.isNaN(d.getTime())) return '';
  const zone = zoneOf(opts.timezone);
  const parts = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: zone.iana,
  }).formatToParts(d);
  const hour = parts.find((p) => p.type === 'hour')?.value ?? '00';
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '00';
  const sep = (opts.lang ?? 'id') === 'en' ? ':' : '.';
  return `${hour}${sep}${minute} ${zone.abbr}`;
}

/** "26 November 2026, 14.30 WITA" */
export function formatDateTime(value: Date | string | number, opts: FormatOptions = {}): string {
  const date = formatDate(value, opts);
  return date ? `${date}, ${formatTime(value, opts)}` : '';
}

/** "1.250.000" (id) / "1,250,000" (en). */
export function formatNumber(n: number, lang: Lang = 'id', fractionDigits = 0): string {
  return new Intl.NumberFormat(locale(lang), {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(n);
}

/** "Rp 1.250.000" with a no-break space; negative amounts as "-Rp 1.250.000". */
export function formatRupiah(n: number, lang: Lang = 'id'): string {
  const sign = n < 0 ? '-' : '';
  return `${sign}Rp\u00a0${formatNumber(Math.abs(Math.round(n)), lang)}`;
}
