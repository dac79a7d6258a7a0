import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import type { Category } from '../api-types';
import {
  bodyFromDraft,
  draftFromCategory,
  emptyDraft,
  formatValues,
  mapCategoryErrors,
  missingFields,
  newAttribute,
  parseValues,
  splitKeywords,
} from './categoryForm';
import { adminMessages } from './messages';
import { auditQuery, currentCursor, FIRST_PAGE, newerPage, olderPage } from './paging';
import { adminPath } from './ui';
import { grantBody, missingScope } from './UserForms';

const jalanRusak: Category = {
  code: 'jalan-rusak',
  name: 'Jalan rusak',
  name_id: 'Jalan rusak',
  name_en: 'Damaged road',
  group: 'Infrastruktur',
  description: 'Jalan berlubang.',
  keywords: ['lubang', 'aspal'],
  default_opd_id: 4,
  sla: { response_hours: 24, resolve_days: 14 },
  attributes: [
    { code: 'lebar_cm', datatype: 'number', variable: true, required: false, order: 2, description: 'Lebar (cm)', values: [] },
    {
      code: 'tingkat',
      datatype: 'singlevaluelist',
      variable: true,
      required: true,
      order: 1,
      description: 'Seberapa parah?',
      values: [
        { key: 'ringan', name: 'Ringan' },
        { key: 'berat', name: 'Berat (amblas)' },
      ],
    },
  ],
  active: true,
};

describe('category form', () => {
  it('round-trips a category through the draft into the PUT body', () => {
    const body = bodyFromDraft(draftFromCategory(jalanRusak));
    expect(body).toEqual({
      name_id: 'Jalan rusak',
      name_en: 'Damaged road',
      group: 'Infrastruktur',
      description: 'Jalan berlubang.',
      keywords: ['lubang', 'aspal'],
      default_opd_id: 4,
      sla_response_hours: 24,
      sla_resolve_days: 14,
      active: true,
      attributes: [
        {
          code: 'tingkat',
          datatype: 'singlevaluelist',
          variable: true,
          required: true,
          order: 1,
          description: 'Seberapa parah?',
          values: [
            { key: 'ringan', name: 'Ringan' },
            { key: 'berat', name: 'Berat (amblas)' },
          ],
        },
        { code: 'lebar_cm', datatype: 'number', variable: true, required: false, order: 2, description: 'Lebar (cm)', values: [] },
      ],
    });
  });

  it('sends no default OPD as null and odd numbers as typed, for the server to name', () => {
    const d = { ...emptyDraft(), name_id: 'A', name_en: 'A', group: 'G', sla_response_hours: ' 12 ', sla_resolve_days: '1.5' };
    const body = bodyFromDraft(d);
    expect(body.default_opd_id).toBeNull();
    expect(body.sla_response_hours).toBe(12);
    expect(body.sla_resolve_days).toBe('1.5');
  });

  it('parses answer choices one per line', () => {
    expect(parseValues('ringan=Ringan (retak)\n\n berat = Berat \nsedang')).toEqual([
      { key: 'ringan', name: 'Ringan (retak)' },
      { key: 'berat', name: 'Berat' },
      { key: 'sedang', name: 'sedang' },
    ]);
    expect(formatValues([{ key: 'a', name: 'A' }, { key: 'b', name: 'b' }])).toBe('a=A\nb');
    expect(splitKeywords(' lubang, ,aspal ,')).toEqual(['lubang', 'aspal']);
  });

  it('drops answer choices of a question that is not a list', () => {
    const d = { ...emptyDraft(), attributes: [{ ...newAttribute(), code: 'catatan', datatype: 'text', values: 'x=y' }] };
    expect(bodyFromDraft(d).attributes[0]?.values).toEqual([]);
  });

  it('asks for the required fields only', () => {
    const d = { ...emptyDraft(), sla_resolve_days: '', attributes: [newAttribute()] };
    expect(Object.keys(missingFields(d, true, 'Wajib'))).toEqual(['code', 'name_id', 'name_en', 'group', 'sla_resolve_days', 'attributes#0']);
    expect(missingFields(d, false, 'Wajib')['code']).toBeUndefined();
  });

  it('puts the server errors beside their fields and questions', () => {
    const attrs = [{ ...newAttribute(), code: 'a b' }, { ...newAttribute(), code: 'ok' }];
    const error = new ApiError('http', 400, 'validation_failed', 'Data tidak valid.', [
      { field: 'code', message: '2..40 huruf kecil' },
      { field: 'name', message: 'wajib diisi' },
      { field: 'sla', message: 'harus lebih dari 0' },
      { field: 'attributes.a b', message: 'kode tidak sah' },
      { field: 'attributes.zzz', message: 'kode ganda' },
      { field: 'colour', message: 'kolom tidak dikenal' },
    ]);
    const { fields, rest } = mapCategoryErrors(error, attrs);
    expect(fields).toEqual({
      code: '2..40 huruf kecil',
      name_id: 'wajib diisi',
      sla_response_hours: 'harus lebih dari 0',
      'attributes#0': 'kode tidak sah',
      attributes: 'kode ganda',
    });
    expect(rest).toEqual([{ field: 'colour', message: 'kolom tidak dikenal' }]);
    expect(mapCategoryErrors(null, attrs)).toEqual({ fields: {}, rest: [] });
  });
});

describe('audit paging', () => {
  it('walks older and back to newer pages', () => {
    let trail = FIRST_PAGE;
    expect(currentCursor(trail)).toBeNull();
    trail = olderPage(trail, 'c1');
    trail = olderPage(trail, 'c2');
    expect(currentCursor(trail)).toBe('c2');
    trail = newerPage(trail);
    expect(currentCursor(trail)).toBe('c1');
    expect(newerPage(newerPage(trail))).toEqual(FIRST_PAGE);
  });

  it('builds the query', () => {
    expect(auditQuery('', null)).toBe('limit=50');
    expect(auditQuery(' report_category. ', 'a2M=', 20)).toBe('limit=20&action=report_category.&cursor=a2M%3D');
  });
});

describe('grants', () => {
  it('sends the scope the role needs and nothing else', () => {
    const g = { role: 'opd_officer', opd: '4', kecamatan: '71.71.01', kelurahan: '' };
    expect(grantBody(g)).toEqual({ role: 'opd_officer', opd_id: 4 });
    expect(grantBody({ ...g, role: 'agent' })).toEqual({ role: 'agent', kecamatan_code: '71.71.01' });
    expect(grantBody({ ...g, role: 'region_admin' })).toEqual({ role: 'region_admin' });
    expect(missingScope({ ...g, role: 'kim_member' }, 'Wajib')).toEqual({ kelurahan_code: 'Wajib' });
    expect(missingScope(g, 'Wajib')).toEqual({});
  });
});

describe('admin messages and paths', () => {
  it('has every message in both languages, none empty', () => {
    for (const [key, text] of Object.entries(adminMessages.en)) {
      expect(text, key).not.toBe('');
      expect(adminMessages.id[key as keyof typeof adminMessages.id], key).not.toBe('');
    }
    expect(Object.keys(adminMessages.en).sort()).toEqual(Object.keys(adminMessages.id).sort());
  });

  it('builds admin paths', () => {
    expect(adminPath('manado')).toBe('/r/manado/admin');
    expect(adminPath('manado', 'kategori', 'jalan-rusak')).toBe('/r/manado/admin/kategori/jalan-rusak');
  });
});
