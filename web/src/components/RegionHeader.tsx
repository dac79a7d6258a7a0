import type { RegionProfile } from '../api';
import { useLang } from '../i18n';
import { regionPath } from '../router';

/** Breadcrumb, region name (h1 supplied by the page) and the region's section tabs. */
type Section = 'home' | 'map' | 'report' | 'detail' | 'inbox';
const CRUMB = { map: 'nav.map', report: 'nav.report', detail: 'nav.reportDetail', inbox: 'nav.inbox' } as const;

export function RegionNav({ region, current }: { region: Pick<RegionProfile, 'slug' | 'name'>; current: Section }) {
  const { t } = useLang();
  return (
    <>
      <nav class="breadcrumb" aria-label={t('nav.breadcrumb')}>
        <ol>
          <li>
            <a href="/">{t('nav.home')}</a>
          </li>
          <li>
            {current === 'home' ? (
              <span aria-current="page">{region.name}</span>
            ) : (
              <a href={regionPath(region.slug)}>{region.name}</a>
            )}
          </li>
          {current !== 'home' && (
            <li>
              <span aria-current="page">{t(CRUMB[current])}</span>
            </li>
          )}
        </ol>
      </nav>
      <nav class="tabs" aria-label={t('nav.region')}>
        <a href={regionPath(region.slug)} aria-current={current === 'home' ? 'page' : undefined}>
          {t('nav.regionHome')}
        </a>
        <a href={regionPath(region.slug, 'peta')} aria-current={current === 'map' ? 'page' : undefined}>
          {t('nav.map')}
        </a>
        <a href={regionPath(region.slug, 'lapor')} aria-current={current === 'report' ? 'page' : undefined}>
          {t('nav.report')}
        </a>
      </nav>
    </>
  );
}

export function regionTypeLabel(type: string, t: ReturnType<typeof useLang>['t']): string {
  if (type === 'kota') return t('region.type.kota');
  if (type === 'kabupaten') return t('region.type.kabupaten');
  return type;
}
