// /r/{slug}/admin: the region admin's pages (region admins of the region and national admins):
// an overview, then categories (list, add, edit), routing rules, OPDs, users and roles, API
// keys and the audit log. Anyone else is told plainly that the page is not for them; the
// server refuses their writes anyway (403).
import type { FunctionComponent } from 'preact';
import { api } from '../api';
import { ErrorNotice, Loading, Notice, useTitle } from '../components/common';
import { RegionNav } from '../components/RegionHeader';
import type { AdminProps } from '../pages/AdminLoader';
import { RegionNotFound } from '../pages/RegionNotFound';
import { useResource } from '../resource';
import { signInPath } from '../router';
import { hasRole, useSession } from '../session';
import { ApiKeys } from './ApiKeys';
import { AuditLog } from './AuditLog';
import { CategoryEdit } from './CategoryEdit';
import { Categories } from './Categories';
import { useAdminT, type AdminKey } from './messages';
import { Opds } from './Opds';
import { RoutingRules } from './RoutingRules';
import { adminPath, type SectionProps } from './ui';
import { Users } from './Users';
import './admin.css';

interface Section {
  path: string;
  title: AdminKey;
  hint: AdminKey;
  page: FunctionComponent<SectionProps>;
}

const SECTIONS: Section[] = [
  { path: 'kategori', title: 'sec.categories', hint: 'sec.categoriesHint', page: Categories },
  { path: 'aturan', title: 'sec.rules', hint: 'sec.rulesHint', page: RoutingRules },
  { path: 'opd', title: 'sec.opds', hint: 'sec.opdsHint', page: Opds },
  { path: 'pengguna', title: 'sec.users', hint: 'sec.usersHint', page: Users },
  { path: 'kunci-api', title: 'sec.keys', hint: 'sec.keysHint', page: ApiKeys },
  { path: 'audit', title: 'sec.audit', hint: 'sec.auditHint', page: AuditLog },
];

/** The section a path names: "kategori-baru" and "kategori/{code}" belong to the categories. */
export function sectionOf(section: string | null): string | null {
  if (section === 'kategori-baru') return 'kategori';
  return section;
}

export function AdminApp({ slug, section, item }: AdminProps) {
  const { lang, t, core } = useAdminT();
  const session = useSession();
  const [region, retry] = useResource((signal) => api.region(slug, signal), [slug, lang]);
  const current = SECTIONS.find((s) => s.path === sectionOf(section));
  const regionName = region.state === 'ok' ? region.data.name : slug;
  useTitle(current ? `${t(current.title)} · ${t('admin.title', { region: regionName })}` : t('admin.title', { region: regionName }));
  if (session.state === 'loading' || region.state === 'loading') return <Loading />;
  if (region.state === 'error') {
    if (region.error.code === 'region_not_found') return <RegionNotFound slug={slug} error={region.error} />;
    return <ErrorNotice error={region.error} onRetry={retry} />;
  }
  const heading = <h1>{t('admin.title', { region: region.data.name })}</h1>;
  if (session.state === 'anonymous') {
    return (
      <>
        {heading}
        <Notice tone="warn">{t('admin.signInFirst')}</Notice>
        <p>
          <a class="button" href={signInPath()}>
            {core('auth.signIn')}
          </a>
        </p>
      </>
    );
  }
  const me = session.me;
  if (!hasRole(me, region.data.code, 'region_admin', 'national_admin')) {
    return (
      <>
        {heading}
        <div data-testid="admin-no-access">
          <Notice tone="warn">{t('admin.noAccess')}</Notice>
        </div>
      </>
    );
  }
  const props: SectionProps = { region: region.data, me };
  let body;
  if (!section) {
    body = (
      <>
        {heading}
        <p>{t('admin.overviewIntro')}</p>
        <ul class="admin-cards">
          {SECTIONS.map((s) => (
            <li key={s.path}>
              <a href={adminPath(slug, s.path)}>{t(s.title)}</a>
              <p class="small muted">{t(s.hint)}</p>
            </li>
          ))}
        </ul>
      </>
    );
  } else if (!current) {
    body = (
      <>
        {heading}
        <Notice tone="warn">{t('admin.unknownSection')}</Notice>
      </>
    );
  } else if (section === 'kategori-baru' || (section === 'kategori' && item)) {
    body = <CategoryEdit {...props} code={section === 'kategori-baru' ? null : item} />;
  } else {
    const Page = current.page;
    body = (
      <>
        <p class="admin-kicker muted">{t('admin.title', { region: region.data.name })}</p>
        <h1>{t(current.title)}</h1>
        <p class="muted">{t(current.hint)}</p>
        <Page {...props} />
      </>
    );
  }
  return (
    <div class="admin">
      <RegionNav region={region.data} current="admin" />
      <nav class="admin-nav" aria-label={t('admin.sections')}>
        <a href={adminPath(slug)} aria-current={!section ? 'page' : undefined}>
          {t('admin.overview')}
        </a>
        {SECTIONS.map((s) => (
          <a key={s.path} href={adminPath(slug, s.path)} aria-current={current === s && !item && section === s.path ? 'page' : undefined}>
            {t(s.title)}
          </a>
        ))}
      </nav>
      {body}
    </div>
  );
}
