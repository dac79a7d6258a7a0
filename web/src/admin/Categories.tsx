// Categories section: the region's active categories with group, default OPD, SLA and number
// of extra questions; links to add and edit; deactivate (PUT with active false). The list
// route returns active categories only, so one deactivated here stays listed (with "activate
// again") until the page is left.
import { useState } from 'preact/hooks';
import { reportsApi } from '../api';
import type { Category } from '../api-types';
import { ErrorNotice, Loading, Notice } from '../components/common';
import { useResource } from '../resource';
import { adminApi } from './api';
import { bodyFromDraft, draftFromCategory } from './categoryForm';
import { takeFlash } from './flash';
import { useAdminT } from './messages';
import { adminPath, Flash, useAction, type SectionProps } from './ui';

export function Categories({ region }: SectionProps) {
  const { lang, t } = useAdminT();
  const [flash, setFlash] = useState(takeFlash);
  const [inactive, setInactive] = useState<Category[]>([]);
  const action = useAction();
  const [res, reload] = useResource(
    async (signal) => {
      const [categories, opds] = await Promise.all([
        reportsApi.categories(region.slug, signal),
        reportsApi.opds(region.slug, signal),
      ]);
      return { categories: categories.items, opds: opds.items };
    },
    [region.slug, lang],
  );
  if (res.state === 'loading') return <Loading />;
  if (res.state === 'error') return <ErrorNotice error={res.error} onRetry={reload} />;
  const opdName = new Map(res.data.opds.map((o) => [o.id, o.short_name || o.name]));
  const active = res.data.categories.filter((c) => !inactive.some((x) => x.code === c.code));

  const setActive = (c: Category, on: boolean) =>
    void action.run(async () => {
      const saved = await adminApi.putCategory(region.slug, c.code, { ...bodyFromDraft(draftFromCategory(c)), active: on });
      if (on) {
        setInactive((list) => list.filter((x) => x.code !== c.code));
        setFlash(t('cat.updated', { name: saved.name }));
        reload();
      } else {
        setInactive((list) => [...list.filter((x) => x.code !== c.code), saved]);
        setFlash(t('cat.deactivated', { name: saved.name }));
      }
    });

  const row = (c: Category, isActive: boolean) => (
    <tr key={c.code} class={isActive ? '' : 'row-inactive'}>
      <th scope="row">
        {isActive ? <a href={adminPath(region.slug, 'kategori', c.code)}>{c.name}</a> : c.name}
        <br />
        <code class="small">{c.code}</code>
      </th>
      <td>{c.group}</td>
      <td>{c.default_opd_id ? (opdName.get(c.default_opd_id) ?? c.default_opd_id) : t('common.none')}</td>
      <td>{t('cat.slaValue', { h: c.sla.response_hours, d: c.sla.resolve_days })}</td>
      <td>{c.attributes.length}</td>
      <td>
        {isActive ? (
          <button
            type="button"
            class="button button-secondary button-small"
            disabled={action.busy}
            aria-label={`${t('cat.deactivate')} ${c.name}`}
            onClick={() => setActive(c, false)}
          >
            {t('cat.deactivate')}
          </button>
        ) : (
          <button
            type="button"
            class="button button-small"
            disabled={action.busy}
            aria-label={`${t('cat.reactivate')} ${c.name}`}
            onClick={() => setActive(c, true)}
          >
            {t('cat.reactivate')}
          </button>
        )}
      </td>
    </tr>
  );

  return (
    <>
      <Flash>{flash}</Flash>
      {action.error && <ErrorNotice error={action.error} />}
      <p>
        <a class="button" href={adminPath(region.slug, 'kategori-baru')}>
          {t('cat.add')}
        </a>
      </p>
      <section aria-labelledby="cat-list-heading">
        <h2 id="cat-list-heading">{t('cat.list', { n: active.length })}</h2>
        <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="cat-list-heading">
          <table data-testid="category-table">
            <thead>
              <tr>
                <th scope="col">{t('rule.category')}</th>
                <th scope="col">{t('cat.group')}</th>
                <th scope="col">{t('cat.defaultOpd')}</th>
                <th scope="col">{t('cat.sla')}</th>
                <th scope="col">{t('cat.attrs')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {active.map((c) => row(c, true))}
              {inactive.map((c) => row(c, false))}
            </tbody>
          </table>
        </div>
        <Notice>{t('cat.inactiveNote')}</Notice>
      </section>
    </>
  );
}
