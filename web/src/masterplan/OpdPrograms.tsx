// "Program OPD saya": the programs an OPD officer's OPD owns, each with its reporting periods
// (reported with the check state, late, the running one; a returned report shows the
// reviewer's note) and a progress-report form for a period: percent done, rupiah realised, KPI
// actuals, narrative and an evidence link (PUT .../progress/{period}); then the OPD's quick
// wins with theirs (OpdQuickWins.tsx).
import { useState } from 'preact/hooks';
import type { RegionProfile } from '../api';
import { ErrorNotice, Loading } from '../components/common';
import { describe, Field, fieldErrors } from '../components/form';
import { formatDateTime, formatRupiah } from '../format';
import { useResource } from '../resource';
import { Comments } from './Comments';
import { useMpLang, type MpKey } from './i18n';
import { defaultPeriod, periodLabel, periodRows, progressToBody, progressToForm, returnedRows, type LocalErrors, type PeriodKind, type PeriodRow, type ProgressForm } from './logic';
import { PeriodKindSelect } from './PeriodKindSelect';
import { mpApi, type Program, type ProgramProgress, type Reference } from './mpApi';
import { OpdQuickWins } from './OpdQuickWins';
import { CheckTag } from './ReportCheck';
import { useAction } from './useAction';

// An officer comments on their own programs; resolving and review are the plan editors'.
const OFFICER = { edit: false, review: false, publish: false };

export function OpdPrograms({ region, planId, planYears, reference }: {
  region: RegionProfile;
  planId: number;
  planYears: [number, number];
  reference: Reference;
}) {
  const { m } = useMpLang();
  // The server lists an officer's own OPD's programs and quick wins only (GET .../programs).
  const [res, retry] = useResource((signal) => mpApi.programs(region.slug, planId, false, signal), [region.slug, planId]);
  if (res.state === 'loading') return <Loading />;
  if (res.state === 'error') return <ErrorNotice error={res.error} onRetry={retry} />;
  const reporting = res.data.quick_wins.filter((q) => q.state === 'selected' || q.state === 'final');
  if (res.data.programs.length === 0 && reporting.length === 0) return <p class="empty">{m('mp.noOwnPrograms')}</p>;
  return (
    <>
      <div class="mp-opd" data-testid="opd-programs">
        {res.data.programs.map((p) => (
          <ProgramCard key={p.no} region={region} planId={planId} program={p} reference={reference} />
        ))}
      </div>
      {reporting.length > 0 && <OpdQuickWins region={region} planId={planId} planYears={planYears} quickWins={reporting} />}
    </>
  );
}

function ProgramCard({ region, planId, program, reference }: {
  region: RegionProfile;
  planId: number;
  program: Program;
  reference: Reference;
}) {
  const { lang, m } = useMpLang();
  const [res, retry] = useResource((signal) => mpApi.progress(region.slug, planId, program.no, signal), [planId, program.no, lang]);
  const [fresh, setFresh] = useState<ProgramProgress | null>(null);
  const progress = fresh ?? (res.state === 'ok' ? res.data : null);
  const [kind, setKind] = useState<PeriodKind>('quarter');
  const rows = progress ? periodRows(program, progress.periods, new Date(), kind) : [];
  const late = rows.filter((r) => r.state === 'late').length;
  const returned = returnedRows(rows);
  const dim = reference.dimensions.find((d) => d.key === program.dimension);
  const element = dim?.elements.find((e) => e.key === program.element)?.name ?? program.element;
  const h = `opd-prog-${program.no}`;
  return (
    <article class="card" aria-labelledby={h} data-testid="opd-program" data-program={program.no}>
      <h2 id={h}>{program.name}</h2>
      <p class="small">
        {dim?.name ?? program.dimension} · {element} · {program.start_year}–{program.end_year} · {formatRupiah(program.budget_total, lang)} ·{' '}
        {m(`mp.ps.${program.status}` as MpKey)}
      </p>
      {res.state === 'loading' && !fresh && <Loading />}
      {res.state === 'error' && <ErrorNotice error={res.error} onRetry={retry} />}
      {progress && (
        <>
          <h3>
            {m('mp.periods')} {late > 0 && <span class="tag tag-danger" data-testid="late-count">{m('mp.lateCount', { n: late })}</span>}
          </h3>
          {returned.map((r) => (
            <p key={r.period} class="notice notice-warn" data-testid="returned-note" data-returned-period={r.period}>
              <strong>{periodLabel(r.period, lang)}</strong> {m('mp.returnedNote', { note: r.report?.check_note ?? '' })}
            </p>
          ))}
          <ul class="mp-periods" data-testid="periods">
            {rows.map((r) => (
              <li key={r.period} data-period={r.period} data-state={r.state} class={`mp-period-${r.state}`}>
                <strong>{periodLabel(r.period, lang)}</strong>{' '}
                {r.report ? (
                  <>
                    <span class="tag tag-ok">{m('mp.p.reported', { pct: r.report.realisation })}</span> <CheckTag report={r.report} />
                  </>
                ) : (
                  <span class={`tag${r.state === 'late' ? ' tag-danger' : ''}`}>{m(r.state === 'late' ? 'mp.p.late' : 'mp.p.open')}</span>
                )}
                {r.report && (
                  <span class="small muted">
                    {' '}
                    {formatRupiah(r.report.budget_realised, lang)} · {formatDateTime(r.report.submitted_at, { lang, timezone: region.timezone })}
                  </span>
                )}
              </li>
            ))}
          </ul>
          <details class="mp-report">
            <summary>{m('mp.report')}</summary>
            {progress.periods.length === 0 && <PeriodKindSelect id={`pr-${program.no}-kind`} value={kind} onChange={setKind} hint />}
            <ReportForm key={kind} region={region} planId={planId} program={program} rows={rows} onSaved={setFresh} />
          </details>
          <Comments ws={{ region, planId, can: OFFICER, published: false }} item={`program:${program.no}`} />
        </>
      )}
    </article>
  );
}

function ReportForm({ region, planId, program, rows, onSaved }: {
  region: RegionProfile;
  planId: number;
  program: Program;
  rows: PeriodRow[];
  onSaved: (p: ProgramProgress) => void;
}) {
  const { lang, m } = useMpLang();
  const { busy, error, run } = useAction();
  const [period, setPeriod] = useState(() => defaultPeriod(rows) ?? rows[0]?.period ?? '');
  const reportOf = (p: string) => rows.find((r) => r.period === p)?.report ?? null;
  const [form, setForm] = useState<ProgressForm>(() => progressToForm(reportOf(period), lang));
  const [local, setLocal] = useState<LocalErrors>({});
  const [saved, setSaved] = useState<string | null>(null);
  const server = fieldErrors(error);
  const errorOf = (field: string) => (local[field] ? m(`mp.err.${local[field]}` as MpKey) : server[field]);
  const id = (field: string) => `pr-${program.no}-${field}`;
  const pick = (p: string) => {
    setPeriod(p);
    setForm(progressToForm(reportOf(p), lang));
    setLocal({});
    setSaved(null);
  };
  const text = (field: 'realisation' | 'budget_realised' | 'evidence_url', label: string, hint?: string, inputMode?: 'numeric' | 'url') => (
    <Field id={id(field)} label={label} hint={hint} error={errorOf(field)}>
      <input
        id={id(field)}
        inputMode={inputMode}
        value={form[field]}
        onInput={(e) => setForm({ ...form, [field]: e.currentTarget.value })}
        {...describe(id(field), !!hint, errorOf(field))}
      />
    </Field>
  );

  const submit = async (e: Event) => {
    e.preventDefault();
    setSaved(null);
    const { body, errors } = progressToBody(form, lang);
    setLocal(errors);
    if (!body) return;
    const r = await run(() => mpApi.submitProgress(region.slug, planId, program.no, period, body));
    if (!r) return;
    setSaved(m('mp.reportSaved', { period: periodLabel(r.period, lang), revision: r.revision }));
    const p = await run(() => mpApi.progress(region.slug, planId, program.no));
    if (p) onSaved(p);
  };

  return (
    <form class="form mp-form" onSubmit={submit} noValidate aria-label={m('mp.reportFor', { name: program.name })}>
      {error && <ErrorNotice error={error} />}
      <Field id={id('period')} label={m('mp.periodField')} error={errorOf('period')}>
        <select id={id('period')} value={period} onChange={(e) => pick(e.currentTarget.value)} {...describe(id('period'), false, errorOf('period'))}>
          {rows.map((r) => (
            <option key={r.period} value={r.period}>
              {periodLabel(r.period, lang)}
              {r.state === 'late' ? ` (${m('mp.p.late')})` : ''}
            </option>
          ))}
        </select>
      </Field>
      <div class="mp-grid">
        {text('realisation', m('mp.realisation'), undefined, 'numeric')}
        {text('budget_realised', m('mp.budgetRealised'), undefined, 'numeric')}
        {program.kpis.map((k, i) => {
          const kid = id(`kpi-${i}`);
          const err = errorOf(`kpi:${k.name}`) ?? server[`kpi_actuals[${i}].name`];
          return (
            <Field key={k.name} id={kid} label={m('mp.kpiActual', { name: k.name, unit: k.unit })} hint={m('mp.optional')} error={err}>
              <input
                id={kid}
                inputMode="decimal"
                value={form.kpis[k.name] ?? ''}
                onInput={(e) => setForm({ ...form, kpis: { ...form.kpis, [k.name]: e.currentTarget.value } })}
                {...describe(kid, true, err)}
              />
            </Field>
          );
        })}
      </div>
      <Field id={id('narrative')} label={m('mp.narrative')} hint={m('mp.narrativeHint')} error={errorOf('narrative')}>
        <textarea
          id={id('narrative')}
          rows={4}
          value={form.narrative}
          onInput={(e) => setForm({ ...form, narrative: e.currentTarget.value })}
          {...describe(id('narrative'), true, errorOf('narrative'))}
        />
      </Field>
      {text('evidence_url', m('mp.evidence'), m('mp.optional'), 'url')}
      <button type="submit" class="button" disabled={busy}>
        {m('mp.send')}
      </button>
      {saved && (
        <p role="status" class="notice notice-info" data-testid="report-saved">
          {saved}
        </p>
      )}
    </form>
  );
}
