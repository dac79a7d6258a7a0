import { api } from '../api';
import { ErrorNotice, Loading, useTitle } from '../components/common';
import { regionTypeLabel } from '../components/RegionHeader';
import { useLang } from '../i18n';
import { useResource } from '../resource';
import { regionPath } from '../router';

export function Landing() {
  const { lang, t } = useLang();
  useTitle(t('landing.title'));
  const [regions, retry] = useResource((signal) => api.regions(signal), [lang]);
  return (
    <>
      <section class="hero">
        <h1>{t('landing.title')}</h1>
        <p>{t('landing.intro')}</p>
      </section>
      <section aria-labelledby="regions-heading">
        <div class="section-head">
          <h2 id="regions-heading">{t('landing.regions')}</h2>
          {regions.state === 'ok' && regions.data.items.length > 0 && (
            <span class="muted">{t('landing.count', { n: regions.data.items.length })}</span>
          )}
        </div>
        {regions.state === 'loading' && <Loading />}
        {regions.state === 'error' && <ErrorNotice error={regions.error} onRetry={retry} />}
        {regions.state === 'ok' &&
          (regions.data.items.length === 0 ? (
            <p class="empty">{t('landing.empty')}</p>
          ) : (
            <ul class="region-list">
              {regions.data.items.map((r) => (
                <li key={r.code}>
                  <a class="region-card" href={regionPath(r.slug)}>
                    <span class="region-card-name">{r.name}</span>
                    <span class="region-card-meta">
                      {regionTypeLabel(r.type, t)} · {r.code} · {r.timezone}
                    </span>
                  </a>
                </li>
              ))}
            </ul>
          ))}
      </section>
    </>
  );
}
