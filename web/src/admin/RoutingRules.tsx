// Routing rules section: which OPD receives a category's reports in the whole region, a
// kecamatan or a kelurahan (PUT .../routing-rules upserts by category and area; DELETE by id).
// There is no priority number: the most specific area wins (src/reports/routing.h).
import { useState } from 'preact/hooks';
import { reportsApi } from '../api';
import type { AreaTree } from '../api-types';
import { ErrorNotice, Loading, Notice } from '../components/common';
import { describe, Field, fieldErrors } from '../components/form';
import { useResource } from '../resource';
import { adminApi } from './api';
import { useAdminT } from './messages';
import { Flash, useAction, type SectionProps } from './ui';

/** Code -> name of every kecamatan and kelurahan of the region. */
export function areaNames(tree: AreaTree): Map<string, string> {
  const out = new Map<string, string>();
  for (const k of tree.kecamatan) {
    out.set(k.code, k.name);
    for (const l of k.kelurahan) out.set(l.code, `${l.name}, ${k.name}`);
  }
  return out;
}

export function RoutingRules({ region }: SectionProps) {
  const { lang, t } = useAdminT();
  const [flash, setFlash] = useState('');
  const [res, reload] = useResource(
    async (signal) => {
      const [rules, categories, opds, areas] = await Promise.all([
        reportsApi.rules(region.slug, signal),
        reportsApi.categories(region.slug, signal),
        reportsApi.opds(region.slug, signal),
        reportsApi.areas(region.slug, signal),
      ]);
      return { rules: rules.items, categories: categories.items, opds: opds.items, areas };
    },
    [region.slug, lang],
  );
  const del = useAction();
  if (res.state === 'loading') return <Loading />;
  if (res.state === 'error') return <ErrorNotice error={res.error} onRetry={reload} />;
  const { rules, categories, opds, areas } = res.data;
  const catName = new Map(categories.map((c) => [c.code, c.name]));
  // The rules name OPDs by their short name; the table shows both.
  const opdLabel = new Map(opds.map((o) => [o.id, o.short_name ? `${o.name} (${o.short_name})` : o.name]));
  const names = areaNames(areas);
  const areaLabel = (code: string | null) => (code ? (names.get(code) ?? code) : t('rule.wholeRegion'));
  const sorted = [...rules].sort(
    (a, b) => (catName.get(a.category) ?? a.category).localeCompare(catName.get(b.category) ?? b.category) || (a.area_code ?? '').localeCompare(b.area_code ?? ''),
  );
  return (
    <>
      <Flash>{flash}</Flash>
      <Notice>{t('rule.precedence')}</Notice>
      <RuleForm
        slug={region.slug}
        categories={categories.map((c) => ({ code: c.code, name: c.name }))}
        opds={opds.filter((o) => o.active)}
        areas={areas}
        onSaved={(m) => {
          setFlash(m);
          reload();
        }}
        areaLabel={areaLabel}
      />
      <section aria-labelledby="rules-heading">
        <h2 id="rules-heading">{t('rule.list', { n: rules.length })}</h2>
        {del.error && <ErrorNotice error={del.error} />}
        {rules.length === 0 ? (
          <p class="empty">{t('rule.none')}</p>
        ) : (
          <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="rules-heading">
            <table data-testid="rule-table">
              <thead>
                <tr>
                  <th scope="col">{t('rule.category')}</th>
                  <th scope="col">{t('rule.area')}</th>
                  <th scope="col">{t('rule.opd')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {sorted.map((r) => {
                  const category = catName.get(r.category) ?? r.category;
                  const area = areaLabel(r.area_code);
                  return (
                    <tr key={r.id}>
                      <td>{category}</td>
                      <td>{area}</td>
                      <td>{r.opd ? (opdLabel.get(r.opd.id) ?? r.opd.name) : t('common.none')}</td>
                      <td>
                        <button
                          type="button"
                          class="button button-secondary button-small"
                          disabled={del.busy}
                          aria-label={t('rule.deleteN', { category, area })}
                          onClick={() =>
                            void del.run(async () => {
                              await adminApi.deleteRule(region.slug, r.id);
                              setFlash(t('rule.deleted'));
                              reload();
                            })
                          }
                        >
                          {t('common.delete')}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

function RuleForm({
  slug,
  categories,
  opds,
  areas,
  onSaved,
  areaLabel,
}: {
  slug: string;
  categories: Array<{ code: string; name: string }>;
  opds: Array<{ id: number; name: string; short_name: string }>;
  areas: AreaTree;
  onSaved: (message: string) => void;
  areaLabel: (code: string | null) => string;
}) {
  const { t, core } = useAdminT();
  const [form, setForm] = useState({ category: '', kecamatan: '', kelurahan: '', opd: '' });
  const [local, setLocal] = useState<Record<string, string>>({});
  const action = useAction();
  const server = fieldErrors(action.error);
  const err = (k: string) => local[k] ?? server[k];
  const kelurahan = areas.kecamatan.find((k) => k.code === form.kecamatan)?.kelurahan ?? [];
  const area = form.kelurahan || form.kecamatan || null;
  const general = action.error && !['category', 'area_code', 'opd_id'].some((f) => server[f]) ? action.error : null;

  const submit = (e: Event) => {
    e.preventDefault();
    const missing: Record<string, string> = {};
    if (!form.category) missing['category'] = core('form.required');
    if (!form.opd) missing['opd_id'] = core('form.required');
    setLocal(missing);
    if (Object.keys(missing).length) return;
    void action.run(async () => {
      const rule = await adminApi.putRule(slug, { category: form.category, area_code: area, opd_id: Number(form.opd) });
      onSaved(
        t('rule.added', {
          category: categories.find((c) => c.code === rule.category)?.name ?? rule.category,
          area: areaLabel(rule.area_code),
          opd: opds.find((o) => o.id === rule.opd?.id)?.name ?? rule.opd?.name ?? form.opd,
        }),
      );
    });
  };

  return (
    <form class="card form admin-form" onSubmit={submit} noValidate data-testid="rule-form">
      <h2>{t('rule.add')}</h2>
      {general && <ErrorNotice error={general} />}
      <div class="grid-2">
        <Field id="rule-category" label={t('rule.category')} error={err('category')}>
          <select
            id="rule-category"
            value={form.category}
            onChange={(e) => setForm({ ...form, category: e.currentTarget.value })}
            {...describe('rule-category', false, err('category'))}
          >
            <option value="">{t('rule.pick')}</option>
            {categories.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="rule-opd" label={t('rule.opd')} error={err('opd_id')}>
          <select
            id="rule-opd"
            value={form.opd}
            onChange={(e) => setForm({ ...form, opd: e.currentTarget.value })}
            {...describe('rule-opd', false, err('opd_id'))}
          >
            <option value="">{t('rule.pick')}</option>
            {opds.map((o) => (
              <option key={o.id} value={String(o.id)}>
                {o.name}
                {o.short_name ? ` (${o.short_name})` : ''}
              </option>
            ))}
          </select>
        </Field>
        <Field id="rule-kecamatan" label={t('rule.kecamatan')} error={form.kelurahan ? undefined : err('area_code')}>
          <select
            id="rule-kecamatan"
            value={form.kecamatan}
            onChange={(e) => setForm({ ...form, kecamatan: e.currentTarget.value, kelurahan: '' })}
            {...describe('rule-kecamatan', false, form.kelurahan ? undefined : err('area_code'))}
          >
            <option value="">{t('rule.wholeRegion')}</option>
            {areas.kecamatan.map((k) => (
              <option key={k.code} value={k.code}>
                {k.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="rule-kelurahan" label={t('rule.kelurahan')} error={form.kelurahan ? err('area_code') : undefined}>
          <select
            id="rule-kelurahan"
            value={form.kelurahan}
            disabled={!form.kecamatan}
            onChange={(e) => setForm({ ...form, kelurahan: e.currentTarget.value })}
            {...describe('rule-kelurahan', false, form.kelurahan ? err('area_code') : undefined)}
          >
            <option value="">{form.kecamatan ? t('rule.wholeKecamatan') : t('rule.wholeRegion')}</option>
            {kelurahan.map((k) => (
              <option key={k.code} value={k.code}>
                {k.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <button type="submit" class="button" disabled={action.busy}>
        {action.busy ? t('common.saving') : t('rule.add')}
      </button>
    </form>
  );
}
