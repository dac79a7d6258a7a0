import { describe, expect, it } from 'vitest';
import type { Category, CategoryAttribute } from '../api-types';
import { attributePayload, missingAttributes } from '../components/AttributeFields';
import { groupCategories } from '../components/CategoryPicker';
import { translate } from '../i18n-core';
import { matchRoute, reportPath } from '../router';
import { validateRegistration } from './Register';
import { validateReport } from './ReportForm';
import { nextPath } from './SignIn';

const t = (k: Parameters<typeof translate>[1]) => translate('id', k);

function cat(code: string, name: string, group: string, keywords: string[] = []): Category {
  return {
    code,
    name,
    name_id: name,
    name_en: name,
    group,
    description: '',
    keywords,
    default_opd_id: null,
    sla: { response_hours: 24, resolve_days: 7 },
    attributes: [],
    active: true,
  };
}

describe('report form checks', () => {
  it('mirrors the server: category, 10+ characters, a location', () => {
    expect(validateReport({ category: '', description: 'pendek', place: null }, t)).toEqual({
      category: 'Pilih kategori.',
      description: 'Uraian minimal 10 karakter.',
      lat: 'Tentukan lokasi dengan GPS atau pin di peta.',
    });
    expect(validateReport({ category: 'banjir', description: '  air naik sampai lutut ', place: { lat: 1, lon: 2 } }, t)).toEqual({});
    // Code points, not UTF-16 units: ten emoji are ten characters.
    expect(validateReport({ category: 'x', description: '🚧'.repeat(10), place: { lat: 1, lon: 2 } }, t)).toEqual({});
  });
  it('asks the required category questions and sends only answers', () => {
    const defs: CategoryAttribute[] = [
      { code: 'tingkat', datatype: 'singlevaluelist', variable: true, required: true, order: 1, description: '', values: [] },
      { code: 'lebar', datatype: 'number', variable: true, required: false, order: 2, description: '', values: [] },
      { code: 'jenis', datatype: 'multivaluelist', variable: true, required: true, order: 3, description: '', values: [] },
    ];
    expect(missingAttributes(defs, { jenis: [] }, 'Wajib diisi.')).toEqual({
      'attributes.tingkat': 'Wajib diisi.',
      'attributes.jenis': 'Wajib diisi.',
    });
    expect(missingAttributes(defs, { tingkat: 'berat', jenis: ['a'] }, 'x')).toEqual({});
    expect(attributePayload(defs, { tingkat: 'berat', lebar: ' ', jenis: ['a', 'b'] })).toEqual({ tingkat: 'berat', jenis: ['a', 'b'] });
  });
  it('filters categories by every word, accents ignored, grouped', () => {
    const items = [
      cat('jalan-rusak', 'Jalan rusak', 'Infrastruktur', ['lubang', 'aspal']),
      cat('banjir', 'Banjir', 'Bencana', ['genangan']),
      cat('trotoar', 'Trotoar rusak', 'Infrastruktur', ['lubang']),
    ];
    expect(groupCategories(items, '').map(([g, c]) => [g, c.length])).toEqual([
      ['Bencana', 1],
      ['Infrastruktur', 2],
    ]);
    expect(groupCategories(items, 'LUBANG aspal').flatMap(([, c]) => c.map((x) => x.code))).toEqual(['jalan-rusak']);
    expect(groupCategories(items, 'génangan').flatMap(([, c]) => c.map((x) => x.code))).toEqual(['banjir']);
    expect(groupCategories(items, 'kebakaran')).toEqual([]);
  });
});

describe('accounts', () => {
  it('checks registration like the server', () => {
    expect(validateRegistration({ name: ' ', email: '', phone: '', password: 'pendek' }, t)).toEqual({
      name: 'Wajib diisi.',
      email: 'Isi email atau nomor HP.',
      password: 'Kata sandi minimal 8 karakter.',
    });
    expect(validateRegistration({ name: 'Ani', email: '', phone: '0812', password: '12345678' }, t)).toEqual({});
  });
  it('returns after sign-in only to paths of this site', () => {
    expect(nextPath('?next=%2Fr%2Fmanado%2Flapor')).toBe('/r/manado/lapor');
    expect(nextPath('?next=https%3A%2F%2Fevil.example')).toBe('/');
    expect(nextPath('?next=%2F%2Fevil.example')).toBe('/');
    expect(nextPath('')).toBe('/');
  });
});

describe('routes of the report pages', () => {
  it('matches them and builds their paths', () => {
    expect(matchRoute('/r/manado/lapor')).toEqual({ name: 'report', slug: 'manado' });
    expect(matchRoute('/r/manado/laporan/MDO-2026-000001')).toEqual({ name: 'reportDetail', slug: 'manado', tracking: 'MDO-2026-000001' });
    expect(matchRoute('/r/manado/kelola')).toEqual({ name: 'inbox', slug: 'manado', tracking: null });
    expect(matchRoute('/r/manado/kelola/MDO-1')).toEqual({ name: 'inbox', slug: 'manado', tracking: 'MDO-1' });
    expect(matchRoute('/masuk')).toEqual({ name: 'signIn' });
    expect(matchRoute('/daftar')).toEqual({ name: 'register' });
    expect(matchRoute('/laporan-saya')).toEqual({ name: 'myReports' });
    expect(reportPath('manado', 'MDO-1')).toBe('/r/manado/laporan/MDO-1');
    expect(reportPath('manado', 'MDO-1', true)).toBe('/r/manado/kelola/MDO-1');
  });
});

describe('my reports', () => {
  it('finds the region of a report from its area code', async () => {
    const { slugOf } = await import('./MyReports');
    const slugs = new Map([['71.71', 'manado']]);
    const base = { tracking: 'MDO-1', kecamatan_code: '71.71.05', kelurahan_code: '71.71.05.1001' };
    expect(slugOf(base as never, slugs)).toBe('manado');
    expect(slugOf({ ...base, kelurahan_code: null, kecamatan_code: null } as never, slugs)).toBeNull();
    expect(slugOf({ ...base, region_slug: 'bitung' } as never, slugs)).toBe('bitung');
  });
});
