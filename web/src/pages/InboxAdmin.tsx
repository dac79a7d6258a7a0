// Region admin view inside the inbox: the region's report categories (with SLA and default
// OPD) and the routing rules (category and area to OPD), read-only at a glance while handling
// reports; they are changed on the region admin pages (/r/{slug}/admin, web/src/admin/).
import { reportsApi, type RegionProfile } from '../api';
import { ErrorNotice, Loading } from '../components/common';
import { useLang } from '../i18n';
import { useResource } from '../resource';

export function AdminPanel({ region }: { region: RegionProfile }) {
  const { lang, t } = useLang();
  const [res, retry] = useResource(
    async (signal) => {
      const [categories, rules, opds] = await Promise.all([
        reportsApi.categories(region.slug, signal),
        reportsApi.rules(region.slug, signal),
        reportsApi.opds(region.slug, signal),
      ]);
      return { categories: categories.items, rules: rules.items, opds: opds.items };
    },
    [region.slug, lang],
  );
  if (res.state === 'loading') return <Loading />;
  if (res.state === 'error') return <ErrorNotice error={res.error} onRetry={retry} />;
  const opdName = new Map(res.data.opds.map((o) => [o.id, o.short_name || o.name]));
  const catName = new Map(res.data.categories.map((c) => [c.code, c.name]));
  return (
    <>
      <section aria-labelledby="cat-heading">
        <h2 id="cat-heading">{t('admin.categories', { n: res.data.categories.length })}</h2>
        <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="cat-heading">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('admin.category')}</th>
                <th scope="col">{t('admin.group')}</th>
                <th scope="col">{t('admin.opd')}</th>
                <th scope="col">{t('admin.sla')}</th>
              </tr>
            </thead>
            <tbody>
              {res.data.categories.map((c) => (
                <tr key={c.code}>
                  <td>{c.name}</td>
                  <td>{c.group}</td>
                  <td>{c.default_opd_id ? opdName.get(c.default_opd_id) ?? c.default_opd_id : '—'}</td>
                  <td>{t('admin.slaValue', { h: c.sla.response_hours, d: c.sla.resolve_days })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="rules-heading">
        <h2 id="rules-heading">{t('admin.rules', { n: res.data.rules.length })}</h2>
        {res.data.rules.length === 0 ? (
          <p class="empty">{t('admin.noRules')}</p>
        ) : (
          <ul class="report-list">
            {res.data.rules.map((r) => (
              <li key={r.id}>
                {catName.get(r.category) ?? r.category} · {r.area_code ?? t('admin.wholeRegion')} → <strong>{r.opd?.name ?? '—'}</strong>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
