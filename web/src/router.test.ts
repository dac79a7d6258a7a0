import { describe, expect, it } from 'vitest';
import { matchRoute, regionPath } from './router';

describe('matchRoute', () => {
  it('matches the pages', () => {
    expect(matchRoute('/')).toEqual({ name: 'landing' });
    expect(matchRoute('/tentang')).toEqual({ name: 'about' });
    expect(matchRoute('/r/manado')).toEqual({ name: 'region', slug: 'manado' });
    expect(matchRoute('/r/manado/peta')).toEqual({ name: 'regionMap', slug: 'manado' });
  });
  it('ignores a trailing slash and decodes the slug', () => {
    expect(matchRoute('/r/manado/')).toEqual({ name: 'region', slug: 'manado' });
    expect(matchRoute('/tentang/')).toEqual({ name: 'about' });
    expect(matchRoute('/r/kota%20baru')).toEqual({ name: 'region', slug: 'kota baru' });
    expect(matchRoute('/r/%E0%A4%A')).toEqual({ name: 'region', slug: '%E0%A4%A' });
  });
  it('sends anything else to not found', () => {
    expect(matchRoute('/r')).toEqual({ name: 'notFound' });
    expect(matchRoute('/r/manado/peta/x')).toEqual({ name: 'notFound' });
    expect(matchRoute('/about')).toEqual({ name: 'notFound' });
  });
  it('builds region paths', () => {
    expect(regionPath('manado')).toBe('/r/manado');
    expect(regionPath('manado', 'peta')).toBe('/r/manado/peta');
    expect(regionPath('a/b')).toBe('/r/a%2Fb');
  });
});
