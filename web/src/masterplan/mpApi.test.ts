import { afterEach, describe, expect, it, vi } from 'vitest';
import { matchRoute } from '../router';
import { MP_MESSAGES, mpTranslate } from './i18n';
import { currentPlan, probeOwnPrograms, probePlan } from './mpApi';

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
const err = (status: number, code: string) => json(status, { error: { code, message: code } });

/** fetch answering by path; anything unlisted is an unknown plan. */
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

describe('probePlan', () => {
  it('finds an unpublished plan of the region, asking one batch past it', async () => {
    const calls = fakeFetch((p) => (p.endsWith('/masterplans/1/published') ? err(404, 'not_published') : err(404, 'masterplan_not_found')));
    expect(await probePlan('manado')).toEqual({ id: 1, published: null });
    expect(calls).toHaveLength(16);
  });
  it('prefers the newest published plan', async () => {
    const published = (id: number) => ({ id, region: '71.71', start_year: 2025, end_year: 2034, version: {}, team: [] });
    fakeFetch((p) => {
      const id = Number(/masterplans\/(\d+)\//.exec(p)?.[1]);
      if (id === 2 || id === 5) return json(200, published(id));
      if (id === 7) return err(404, 'not_published');
      return err(404, 'masterplan_not_found');
    });
    expect((await probePlan('manado'))?.id).toBe(5);
  });
  it('is null without any plan and fails on a server error', async () => {
    const calls = fakeFetch(() => err(404, 'masterplan_not_found'));
    expect(await probePlan('manado')).toBeNull();
    expect(calls).toHaveLength(24);
    fakeFetch(() => err(500, 'internal'));
    await expect(probePlan('manado')).rejects.toMatchObject({ status: 500 });
  });
});

describe('probeOwnPrograms', () => {
  it('keeps the programs it may read, skips other OPDs, crosses a gap, stops after a batch of nothing', async () => {
    const own = new Set([4, 11]);
    const calls = fakeFetch((p) => {
      const no = Number(/programs\/(\d+)$/.exec(p)?.[1]);
      if (own.has(no)) return json(200, { no, name: `P${no}` });
      if (no <= 12 && no !== 6) return err(403, 'forbidden'); // 6 was removed: a gap
      return err(404, 'program_not_found');
    });
    const got = await probeOwnPrograms('manado', 1);
    expect(got.map((p) => p.no)).toEqual([4, 11]);
    expect(calls).toHaveLength(24); // 1-8, 9-16, 17-24 (nothing there: stop)
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
