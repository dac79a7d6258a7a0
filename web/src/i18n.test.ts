import { describe, expect, it } from 'vitest';
import { MESSAGES, parseLang, translate } from './i18n-core';

describe('messages', () => {
  it('has every key in both languages, none empty', () => {
    const idKeys = Object.keys(MESSAGES.id).sort();
    expect(Object.keys(MESSAGES.en).sort()).toEqual(idKeys);
    for (const lang of ['id', 'en'] as const) {
      for (const [k, v] of Object.entries(MESSAGES[lang])) expect(v, `${lang} ${k}`).not.toBe('');
    }
  });
  it('fills placeholders', () => {
    expect(translate('id', 'map.title', { name: 'Kota Manado' })).toBe('Peta Kota Manado');
    expect(translate('en', 'landing.count', { n: 3 })).toBe('3 regions');
  });
  it('defaults to Indonesian', () => {
    expect(parseLang(null)).toBe('id');
    expect(parseLang('fr')).toBe('id');
    expect(parseLang('en')).toBe('en');
  });
});
