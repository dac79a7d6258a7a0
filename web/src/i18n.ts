// Current language: Bahasa Indonesia unless the user chose English (kept in localStorage).
// Setting it updates <html lang> and every component that uses useLang().
import { useEffect, useState } from 'preact/hooks';
import { parseLang, translate, type Lang, type MessageKey } from './i18n-core';

export type { Lang, MessageKey } from './i18n-core';

const STORAGE_KEY = 'kc-lang';
let current: Lang = 'id';
const listeners = new Set<(lang: Lang) => void>();

function readStored(): Lang {
  try {
    return parseLang(localStorage.getItem(STORAGE_KEY));
  } catch {
    return 'id';
  }
}

function apply(lang: Lang): void {
  current = lang;
  document.documentElement.lang = lang;
}

export function initLang(): void {
  apply(readStored());
}

export function getLang(): Lang {
  return current;
}

export function setLang(lang: Lang): void {
  if (lang === current) return;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  apply(lang);
  for (const fn of listeners) fn(lang);
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function useLang(): { lang: Lang; t: Translate } {
  const [lang, setState] = useState<Lang>(current);
  useEffect(() => {
    listeners.add(setState);
    if (current !== lang) setState(current);
    return () => {
      listeners.delete(setState);
    };
  }, []);
  return { lang, t: (key, vars) => translate(lang, key, vars) };
}
