// Category choice for the report form: a search box filtering by name, group, description
// and keywords, and the categories as radio buttons grouped under their group's name.
import { useState } from 'preact/hooks';
import type { Category } from '../api-types';
import { useLang } from '../i18n';

/** Categories matching every word of `query` (case- and accent-insensitive), by group. */
export function groupCategories(items: Category[], query: string): Array<[string, Category[]]> {
  const norm = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const words = norm(query).split(/\s+/).filter(Boolean);
  const groups = new Map<string, Category[]>();
  for (const c of items) {
    if (!c.active) continue;
    const text = norm([c.name, c.name_id, c.name_en, c.group, c.description, ...c.keywords].join(' '));
    if (!words.every((w) => text.includes(w))) continue;
    const g = groups.get(c.group) ?? [];
    g.push(c);
    groups.set(c.group, g);
  }
  return [...groups.entries()].sort((a, b) => a[0].localeCompare(b[0]));
}

export function CategoryPicker({
  items,
  value,
  onChange,
  error,
}: {
  items: Category[];
  value: string;
  onChange: (code: string) => void;
  error?: string | undefined;
}) {
  const { t } = useLang();
  const [query, setQuery] = useState('');
  const groups = groupCategories(items, query);
  return (
    <fieldset class={`field category-picker${error ? ' field-invalid' : ''}`} aria-describedby={error ? 'category-error' : undefined}>
      <legend>{t('report.category')}</legend>
      <label class="visually-hidden" for="category-search">
        {t('report.categorySearch')}
      </label>
      <input
        id="category-search"
        type="search"
        placeholder={t('report.categorySearch')}
        value={query}
        onInput={(e) => setQuery(e.currentTarget.value)}
      />
      {error && (
        <p class="field-error" id="category-error" role="alert">
          {error}
        </p>
      )}
      {groups.length === 0 && <p class="muted">{t('report.categoryNone')}</p>}
      <div class="category-groups">
        {groups.map(([group, cats]) => (
          <div class="category-group" key={group} role="group" aria-label={group}>
            <p class="category-group-name" aria-hidden="true">
              {group}
            </p>
            {cats.map((c) => (
              <label class={`category-option${value === c.code ? ' selected' : ''}`} key={c.code}>
                <input type="radio" name="category" value={c.code} checked={value === c.code} onChange={() => onChange(c.code)} />
                <span>{c.name}</span>
              </label>
            ))}
          </div>
        ))}
      </div>
    </fieldset>
  );
}
