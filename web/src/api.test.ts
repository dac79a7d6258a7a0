import { describe, expect, it } from 'vitest';
import { errorFromResponse } from './api';

describe('errorFromResponse', () => {
  it('reads the error envelope with field details', () => {
    const e = errorFromResponse(422, {
      error: {
        code: 'validation_failed',
        message: 'Data tidak valid.',
        details: [{ field: 'tolerance', message: 'harus angka antara 0 dan 0.01 (derajat)' }],
      },
    });
    expect(e.kind).toBe('http');
    expect(e.status).toBe(422);
    expect(e.code).toBe('validation_failed');
    expect(e.message).toBe('Data tidak valid.');
    expect(e.details).toEqual([{ field: 'tolerance', message: 'harus angka antara 0 dan 0.01 (derajat)' }]);
  });
  it('tells a missing thing from a missing route', () => {
    const region = errorFromResponse(404, { error: { code: 'region_not_found', message: 'Region "x" tidak ditemukan.' } });
    expect(region.kind).toBe('http');
    expect(region.code).toBe('region_not_found');
    const route = errorFromResponse(404, { error: { code: 'not_found', message: 'Alamat tidak ditemukan.' } });
    expect(route.kind).toBe('unavailable');
    expect(errorFromResponse(404, null).kind).toBe('unavailable');
  });
  it('survives bodies that are not the envelope', () => {
    const e = errorFromResponse(502, '<html>');
    expect(e.kind).toBe('http');
    expect(e.status).toBe(502);
    expect(e.details).toEqual([]);
  });
});
