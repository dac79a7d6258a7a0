import type { RegionProfile } from '../api';
import { useLang } from '../i18n';
import { usePortalT } from '../pages/portal-messages';
import { regionPath } from '../router';
import { hasRole, isStaff, useSession } from '../session';

/** Breadcrumb, region name (h1 supplied by the page) and the region's section tabs. */
type Section = 'home' | 'map' | 'report' | 'detail' | 'inbox' | 'track' | 'admin' | 'masterplan';
const CRUMB = { map: 'nav.map', report: 'nav.report', detail: 'nav.reportDetail', inbox: 'nav.inbox', masterplan: 'nav.masterplan' } as const;

export function RegionNav({
  region,
  current,
}: {
  region: Pick<RegionProfile, 'slug' | 'name'> & { code?: string };
  current: Section;
}) {
  const { t } = useLang();
  const pt = usePortalT().t;
  // Staff get their pages as tabs too (needs the region's code to read the grants).
  const session = useSession();
  const me = session.state === 'signedIn' && region.code ? session.me : null;
  const staff = !!me && isStaff(me, region.code ?? '');
  const admin = !!me && hasRole(me, region.code ?? '', 'region_admin', 'national_admin');
  const crumb = current === 'track' ? pt('nav.track') : current === 'admin' ? pt('nav.admin') : current === 'home' ? '' : t(CRUMB[current]);
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
              <span aria-current="page">{crumb}</span>
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
        <a href={regionPath(region.slug, 'lacak')} aria-current={current === 'track' ? 'page' : undefined}>
          {pt('nav.track')}
        </a>
        <a href={`${regionPath(region.slug)}/masterplan`} aria-current={current === 'masterplan' ? 'page' : undefined}>
          {t('nav.masterplan')}
        </a>
        {staff && (
          <a href={regionPath(region.slug, 'kelola')} aria-current={current === 'inbox' ? 'page' : undefined}>
            {t('nav.inbox')}
          </a>
        )}
        {admin && (
          <a href={regionPath(region.slug, 'admin')} aria-current={current === 'admin' ? 'page' : undefined}>
            {pt('nav.admin')}
          </a>
        )}
      </nav>
    </>
  );
}

export function regionTypeLabel(type: string, t: ReturnType<typeof useLang>['t']): string {
  if (type === 'kota') return t('region.type.kota');
  if (type === 'kabupaten') return t('region.type.kabupaten');
  return type;
}
