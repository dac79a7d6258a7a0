// Message tables kept beside the feature that uses them (and loaded with its chunk) rather
// than in i18n-core's shared table: the same two languages, the same {name} substitution and
// the same language store (useLang), so switching language re-renders these texts too.
import { useLang, type Lang, type Translate } from './i18n';

export type Vars = Record<string, string | number>;

export interface LocalMessages<K extends string> {
  translate: (lang: Lang, key: K, vars?: Vars) => string;
  /** `t` for this table, `core` for i18n-core's keys, and the language. */
  useT: () => { lang: Lang; t: (key: K, vars?: Vars) => string; core: Translate };
}

export function localMessages<K extends string>(id: Record<K, string>, en: Record<K, string>): LocalMessages<K> {
  const tables: Record<Lang, Record<K, string>> = { id, en };
  const translate = (lang: Lang, key: K, vars?: Vars): string => {
    const text = tables[lang][key] ?? id[key] ?? key;
    if (!vars) return text;
    return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
  };
  return {
    translate,
    useT: () => {
      const { lang, t } = useLang();
      return { lang, t: (key, vars) => translate(lang, key, vars), core: t };
    },
  };
}
