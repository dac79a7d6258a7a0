import { afterEach, describe, expect, it, vi } from 'vitest';
import { matchRoute } from '../router';
import { MP_MESSAGES, mpTranslate } from './i18n';
import { currentPlan, officerPlan, publicPlan } from './mpApi';

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
const err = (status: number, code: string) => json(status, { error: { code, message: code } });

/** fetch answering by path, recording the paths asked. */
function fakeFetch(answer: (path: string) => Response) {
  const calls: string[] = [];
  vi.stubGlobal('fetch', async (path: string) => {
    calls.push(path);
    return answer(path);
  });
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

describe('currentPlan', () => {
  const plan = (id: number, start_year: number, end_year: number) => ({ id, start_year, end_year });
  it('takes the plan running this year, else the newest', () => {
    expect(currentPlan([plan(1, 2020, 2024), plan(2, 2025, 2034)], 2026)?.id).toBe(2);
    expect(currentPlan([plan(1, 2025, 2034), plan(3, 2035, 2044)], 2026)?.id).toBe(1);
    expect(currentPlan([plan(1, 2015, 2019), plan(2, 2020, 2024)], 2026)?.id).toBe(2);
    expect(currentPlan([], 2026)).toBeNull();
  });
});

describe('officerPlan', () => {
  it('asks the server for the current plan and is null when the region has none', async () => {
    const brief = { id: 3, region: '71.71', start_year: 2025, end_year: 2034, status: 'draft', published: false };
    const calls = fakeFetch(() => json(200, brief));
    expect(await officerPlan('manado')).toEqual(brief);
    expect(calls).toEqual(['/api/v1/regions/manado/masterplans/current']);
    fakeFetch(() => err(404, 'plan_not_found'));
    expect(await officerPlan('manado')).toBeNull();
    fakeFetch(() => err(403, 'forbidden'));
    await expect(officerPlan('manado')).rejects.toMatchObject({ status: 403 });
  });
});

describe('publicPlan', () => {
  const item = (id: number, start_year: number, end_year: number) => ({ id, region: '71.71', start_year, end_year, version: {} });
  it('reads the current one of the published plans with its team', async () => {
    const calls = fakeFetch((p) =>
      p.endsWith('/masterplans/published')
        ? json(200, { items: [item(1, 2020, 2024), item(2, 2025, 2034)] })
        : json(200, { ...item(2, 2025, 2034), team: [] }),
    );
    expect((await publicPlan('manado', undefined, 2026))?.id).toBe(2);
    expect(calls).toEqual(['/api/v1/regions/manado/masterplans/published', '/api/v1/regions/manado/masterplans/2/published']);
  });
  it('is null while nothing is published and fails on a server error', async () => {
    const calls = fakeFetch(() => json(200, { items: [] }));
    expect(await publicPlan('manado')).toBeNull();
    expect(calls).toHaveLength(1);
    fakeFetch(() => err(500, 'internal'));
    await expect(publicPlan('manado')).rejects.toMatchObject({ status: 500 });
  });
});

describe('routes and messages', () => {
  it('matches the masterplan addresses', () => {
    expect(matchRoute('/r/manado/masterplan')).toEqual({ name: 'masterplan', slug: 'manado', section: '', item: null });
    expect(matchRoute('/r/manado/masterplan/program/baru')).toEqual({ name: 'masterplan', slug: 'manado', section: 'program', item: 'baru' });
    expect(matchRoute('/r/manado/masterplan/opd/')).toMatchObject({ section: 'opd' });
    expect(matchRoute('/r/manado/masterplan/lain').name).toBe('notFound');
  });
  it('has every message in both languages with the same placeholders', () => {
    expect(Object.keys(MP_MESSAGES.en).sort()).toEqual(Object.keys(MP_MESSAGES.id).sort());
    for (const [k, v] of Object.entries(MP_MESSAGES.id)) {
      const en = MP_MESSAGES.en[k as keyof typeof MP_MESSAGES.en];
      expect(en, k).not.toBe('');
      expect((en.match(/\{\w+\}/g) ?? []).sort(), k).toEqual((v.match(/\{\w+\}/g) ?? []).sort());
    }
    expect(mpTranslate('id', 'mp.saved', { name: 'Satu Data' })).toBe('Program "Satu Data" tersimpan.');
  });
});
