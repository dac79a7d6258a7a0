// /r/{slug}/masterplan[/kesiapan|/program[/{no}|/baru]|/opd]: the region's masterplan. What a
// person sees follows the roles of src/accounts/roles.cpp: consultants and region/national
// admins work on the latest version (masterplan.read/edit/review; publishing is the admins'),
// OPD officers get their OPD's programs and progress reports, and everyone else the published
// version, read only.
import { useState } from 'preact/hooks';
import { api, reportsApi, type RegionProfile } from '../api';
import type { Me, Opd } from '../api-types';
import { ErrorNotice, Loading, Notice, useTitle } from '../components/common';
import { RegionNav } from '../components/RegionHeader';
import { formatDate } from '../format';
import { RegionNotFound } from '../pages/RegionNotFound';
import { useResource } from '../resource';
import { signInPath } from '../router';
import { hasRole, officerOpds, useSession } from '../session';
import { useMpLang } from './i18n';
import { mpPath, type MpSection } from './logic';
import { MasterplanHome, TeamList } from './MasterplanHome';
import { currentPlan, mpApi, officerPlan, publicPlan, type PlanDetail, type Reference, type Version } from './mpApi';
import { OpdPrograms } from './OpdPrograms';
import { ProgramForm } from './ProgramForm';
import { Programs } from './Programs';
import { Readiness } from './Readiness';
import './masterplan.css';

/** What the signed-in person may do with the region's masterplan. */
export interface Abilities {
  edit: boolean; // masterplan.edit: readiness, programs, submit, record outputs
  review: boolean; // masterplan.review: approve, request changes, complete a Bimtek stage
  publish: boolean; // masterplan.publish
}

/** The plan a section works on, and what it needs from the page. */
export interface Workspace {
  region: RegionProfile;
  planId: number;
  startYear: number;
  endYear: number;
  published: boolean; // the published version, read only (public view)
  can: Abilities;
  reference: Reference;
  opds: Opd[];
}

const NONE: Abilities = { edit: false, review: false, publish: false };

function abilitiesOf(me: Me | null, region: string): Abilities | null {
  if (!me || !hasRole(me, region, 'consultant', 'region_admin', 'national_admin')) return null;
  return { edit: true, review: true, publish: hasRole(me, region, 'region_admin', 'national_admin') };
}

export function MasterplanPage({ slug, section, item }: { slug: string; section: string; item: string | null }) {
  const { lang, m } = useMpLang();
  const session = useSession();
  const [region, retry] = useResource((signal) => api.region(slug, signal), [slug, lang]);
  useTitle(m('mp.title'));
  if (session.state === 'loading' || region.state === 'loading') return <Loading />;
  if (region.state === 'error') {
    if (region.error.code === 'region_not_found') return <RegionNotFound slug={slug} error={region.error} />;
    return <ErrorNotice error={region.error} onRetry={retry} />;
  }
  const me = session.state === 'signedIn' ? session.me : null;
  const can = abilitiesOf(me, region.data.code);
  const opds = me ? officerOpds(me, region.data.code) : [];
  const sec = (['kesiapan', 'program', 'opd'].includes(section) ? section : '') as MpSection;
  return (
    <>
      <RegionNav region={region.data} current="masterplan" />
      {can ? (
        <StaffWorkspace region={region.data} can={can} section={sec} item={item} />
      ) : opds.length > 0 ? (
        <OfficerWorkspace region={region.data} opds={opds} />
      ) : (
        <PublicWorkspace region={region.data} section={sec} signedIn={!!me} />
      )}
    </>
  );
}

/** The reference (dimensions, aspects, stages) and the region's OPDs, for every section. */
function useBasics(slug: string) {
  const { lang } = useMpLang();
  return useResource(
    (signal) => Promise.all([mpApi.reference(signal), reportsApi.opds(slug, signal).then((r) => r.items)]),
    [slug, lang],
  );
}

function SectionNav({ slug, section }: { slug: string; section: MpSection }) {
  const { m } = useMpLang();
  const link = (to: MpSection, label: string) => (
    <a href={mpPath(slug, to)} aria-current={section === to ? 'page' : undefined}>
      {label}
    </a>
  );
  return (
    <nav class="tabs mp-tabs" aria-label={m('mp.sections')}>
      {link('', m('mp.overview'))}
      {link('kesiapan', m('mp.readiness'))}
      {link('program', m('mp.programs'))}
    </nav>
  );
}

function PlanStatus({ status }: { status: Version['status'] }) {
  const { m } = useMpLang();
  const tone = { draft: 'grey', in_review: 'yellow', approved: 'green', published: 'green' }[status] ?? 'grey';
  return (
    <span class={`badge badge-${tone}`} data-testid="plan-status" data-status={status}>
      {m(`mp.status.${status}`)}
    </span>
  );
}

/** h1 and the plan's facts: period, status, version, current Bimtek stage. */
function PlanHeader({ version, startYear, endYear, stage, region }: {
  version: Version;
  startYear: number;
  endYear: number;
  stage?: string | undefined;
  region: RegionProfile;
}) {
  const { lang, m } = useMpLang();
  return (
    <header class="page-head">
      <h1>{version.title}</h1>
      <dl class="facts mp-facts">
        <div>
          <dt>{m('mp.period')}</dt>
          <dd>
            {startYear}–{endYear}
          </dd>
        </div>
        <div>
          <dt>{m('mp.status')}</dt>
          <dd>
            <PlanStatus status={version.status} />
          </dd>
        </div>
        <div>
          <dt>{m('mp.version')}</dt>
          <dd data-testid="plan-version">
            {m('mp.versionN', { n: version.number })}
            {version.published_at &&
              ` · ${m('mp.publishedOn', { date: formatDate(version.published_at, { lang, timezone: region.timezone }) })}`}
          </dd>
        </div>
        {stage && (
          <div>
            <dt>{m('mp.currentStage')}</dt>
            <dd>{stage}</dd>
          </div>
        )}
      </dl>
    </header>
  );
}

function StaffWorkspace({ region, can, section, item }: {
  region: RegionProfile;
  can: Abilities;
  section: MpSection;
  item: string | null;
}) {
  const { lang, m } = useMpLang();
  const [plans, retryPlans] = useResource((signal) => mpApi.plans(region.slug, signal), [region.slug, lang]);
  const [basics, retryBasics] = useBasics(region.slug);
  const chosen = plans.state === 'ok' ? currentPlan(plans.data.items, new Date().getFullYear()) : null;
  const [detail, retryDetail] = useResource(
    (signal) => (chosen ? mpApi.plan(region.slug, chosen.id, signal) : Promise.resolve(null)),
    [region.slug, chosen?.id, lang],
  );
  // The plan as the last write returned it; cleared when the plan or language changes.
  const [fresh, setFresh] = useState<{ key: string; plan: PlanDetail } | null>(null);
  const key = `${chosen?.id}:${lang}`;
  for (const r of [plans, basics, detail] as const) {
    if (r.state === 'error') return <ErrorNotice error={r.error} onRetry={() => (retryPlans(), retryBasics(), retryDetail())} />;
  }
  if (plans.state === 'ok' && !chosen) {
    return (
      <>
        <h1>{m('mp.title')}</h1>
        <p class="empty">{m('mp.noPlan')}</p>
      </>
    );
  }
  if (basics.state !== 'ok' || detail.state !== 'ok' || !detail.data) return <Loading />;
  const plan = fresh?.key === key ? fresh.plan : detail.data;
  const [reference, opds] = basics.data;
  const ws: Workspace = {
    region,
    planId: plan.id,
    startYear: plan.start_year,
    endYear: plan.end_year,
    published: false,
    can,
    reference,
    opds,
  };
  const refresh = () => mpApi.plan(region.slug, plan.id).then((p) => setFresh({ key, plan: p }), () => undefined);
  const stage = plan.bimtek.find((s) => s.stage === plan.current_stage);
  return (
    <>
      <PlanHeader
        version={plan.version}
        startYear={plan.start_year}
        endYear={plan.end_year}
        stage={stage ? m('mp.stageN', { roman: stage.roman }) : undefined}
        region={region}
      />
      <SectionNav slug={region.slug} section={section} />
      {section === '' && <MasterplanHome ws={ws} plan={plan} onPlan={(p) => setFresh({ key, plan: p })} onStage={refresh} />}
      {section === 'kesiapan' && <Readiness ws={ws} />}
      {section === 'program' && item === null && <Programs ws={ws} />}
      {section === 'program' && item !== null && <ProgramForm ws={ws} no={item === 'baru' ? null : Number(item)} />}
      {section === 'opd' && <p class="empty">{m('mp.noOpd')}</p>}
    </>
  );
}

function OfficerWorkspace({ region, opds }: { region: RegionProfile; opds: number[] }) {
  const { m } = useMpLang();
  const [plan, retry] = useResource((signal) => officerPlan(region.slug, signal), [region.slug]);
  const [basics, retryBasics] = useBasics(region.slug);
  if (plan.state === 'error') return <ErrorNotice error={plan.error} onRetry={retry} />;
  if (basics.state === 'error') return <ErrorNotice error={basics.error} onRetry={retryBasics} />;
  if (plan.state === 'loading' || basics.state === 'loading') return <Loading />;
  const [reference, allOpds] = basics.data;
  const own = allOpds.filter((o) => opds.includes(o.id));
  return (
    <>
      <header class="page-head">
        <p class="muted">{m('mp.title')}</p>
        <h1>{m('mp.myPrograms')}</h1>
        {own.length > 0 && <p>{m('mp.opdIntro', { opd: own.map((o) => o.name).join(', ') })}</p>}
      </header>
      {plan.data ? (
        <OpdPrograms region={region} planId={plan.data.id} planYears={[plan.data.start_year, plan.data.end_year]} reference={reference} />
      ) : (
        <p class="empty">{m('mp.noPlan')}</p>
      )}
    </>
  );
}

function PublicWorkspace({ region, section, signedIn }: { region: RegionProfile; section: MpSection; signedIn: boolean }) {
  const { t, m } = useMpLang();
  const [plan, retry] = useResource((signal) => publicPlan(region.slug, signal), [region.slug]);
  const [basics, retryBasics] = useBasics(region.slug);
  if (plan.state === 'error') return <ErrorNotice error={plan.error} onRetry={retry} />;
  if (basics.state === 'error') return <ErrorNotice error={basics.error} onRetry={retryBasics} />;
  if (plan.state === 'loading' || basics.state === 'loading') return <Loading />;
  const published = plan.data;
  if (!published) {
    // Unpublished plans are not public, so "none yet" and "not published yet" read the same.
    return (
      <>
        <h1>{m('mp.title')}</h1>
        <p class="empty" data-testid="mp-not-published">
          {m('mp.notPublished')}
        </p>
        {!signedIn && (
          <p>
            {m('mp.signInHint')} <a href={signInPath()}>{t('auth.signIn')}</a>
          </p>
        )}
      </>
    );
  }
  const [reference, opds] = basics.data;
  const ws: Workspace = {
    region,
    planId: published.id,
    startYear: published.start_year,
    endYear: published.end_year,
    published: true,
    can: NONE,
    reference,
    opds,
  };
  return (
    <>
      <PlanHeader version={published.version} startYear={published.start_year} endYear={published.end_year} region={region} />
      <Notice>{m('mp.publicNote')}</Notice>
      <SectionNav slug={region.slug} section={section === 'opd' ? '' : section} />
      {(section === '' || section === 'opd') && (
        <>
          {published.version.summary && <p class="prose mp-summary">{published.version.summary}</p>}
          <TeamList team={published.team} opds={opds} />
        </>
      )}
      {section === 'kesiapan' && <Readiness ws={ws} />}
      {section === 'program' && <Programs ws={ws} />}
    </>
  );
}
