import type { ApiError } from '../api';
import { useLang } from '../i18n';

export function RegionNotFound({ slug, error }: { slug: string; error: ApiError }) {
  const { t } = useLang();
  return (
    <section class="not-found" data-testid="region-not-found">
      <h1>{t('region.notFoundTitle')}</h1>
      <p role="alert">{error.message || slug}</p>
      <p>{t('region.notFoundHint')}</p>
      <p>
        <a class="button" href="/">
          {t('common.backToRegions')}
        </a>
      </p>
    </section>
  );
}
