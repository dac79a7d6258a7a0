// The quick wins an OPD officer's OPD owns (selected or final) on "Program OPD saya": each with
// its reporting periods (reported with the check state, late, the running one; returned ones
// with the reviewer's note) and a progress form: percent done, rupiah realised, milestones done,
// narrative and an evidence link (PUT .../quick-wins/{no}/progress/{period}).
import { useState } from 'preact/hooks';
import type { RegionProfile } from '../api';
import { ErrorNotice, Loading } from '../components/common';
import { describe, Field, fieldErrors } from '../components/form';
import { formatDateTime, formatRupiah } from '../format';
import { useResource } from '../resource';
import { useMpLang, type MpKey } from './i18n';
import {
  defaultPeriod,
  milestoneLines,
  periodLabel,
  periodRows,
  quickWinProgressToBody,
  quickWinProgressToForm,
  quickWinYears,
  returnedRows,
  type LocalErrors,
  type PeriodKind,
  type PeriodRow,
  type QuickWinProgressForm,
} from './logic';
import { mpApi, type QuickWin, type QuickWinProgress, type QuickWinReport } from './mpApi';
import { PeriodKindSelect } from './PeriodKindSelect';
import { CheckTag } from './ReportCheck';
import { useAction } from './useAction';

export function OpdQuickWins({ region, planId, planYears, quickWins }: {
  region: RegionProfile;
  planId: number;
  planYears: [number, number];
  quickWins: QuickWin[];
}) {
  const { m } = useMpLang();
  return (
    <section class="mp-opd" aria-labelledby="opd-qw-h" data-testid="opd-quick-wins">
      <h2 id="opd-qw-h">{m('mp.ownQuickWins')}</h2>
      {quickWins.map((q) => (
        <QuickWinCard key={q.no} region={region} planId={planId} planYears={planYears} quickWin={q} />
      ))}
    </section>
  );
}

function QuickWinCard({ region, planId, planYears, quickWin }: {
  region: RegionProfile;
  planId: number;
  planYears: [number, number];
  quickWin: QuickWin;
}) {
  const { lang, m } = useMpLang();
  const [res, retry] = useResource(
    (signal) => mpApi.quickWinProgress(region.slug, planId, quickWin.no, signal),
    [planId, quickWin.no, lang],
  );
  const [fresh, setFresh] = useState<QuickWinProgress | null>(null);
  const progress = fresh ?? (res.state === 'ok' ? res.data : null);
  const years = quickWinYears(quickWin, planYears[0], planYears[1]);
  const [kind, setKind] = useState<PeriodKind>('quarter');
  const rows = progress ? periodRows<QuickWinReport>(years, progress.periods, new Date(), kind) : [];
  const late = rows.filter((r) => r.state === 'late').length;
  const h = `opd-qw-${quickWin.no}`;
  return (
    <article class="card" aria-labelledby={h} data-testid="opd-quick-win" data-quick-win={quickWin.no}>
      <h3 id={h}>{quickWin.name}</h3>
      <p class="small">
        {quickWin.start_date ?? '–'} – {quickWin.end_date ?? '–'} · {formatRupiah(quickWin.budget, lang)}
      </p>
      {res.state === 'loading' && !fresh && <Loading />}
      {res.state === 'error' && <ErrorNotice error={res.error} onRetry={retry} />}
      {progress && (
        <>
          <h4>
            {m('mp.periods')} {late > 0 && <span class="tag tag-danger">{m('mp.lateCount', { n: late })}</span>}
          </h4>
          {returnedRows(rows).map((r) => (
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
                    <span class="small muted">
                      {' '}
                      {formatRupiah(r.report.budget_realised, lang)} ·{' '}
                      {formatDateTime(r.report.submitted_at, { lang, timezone: region.timezone })}
                    </span>
                  </>
                ) : (
                  <span class={`tag${r.state === 'late' ? ' tag-danger' : ''}`}>{m(r.state === 'late' ? 'mp.p.late' : 'mp.p.open')}</span>
                )}
              </li>
            ))}
          </ul>
          {rows.length > 0 && (
            <details class="mp-report">
              <summary>{m('mp.reportQuickWin')}</summary>
              {progress.periods.length === 0 && <PeriodKindSelect id={`qwr-${quickWin.no}-kind`} value={kind} onChange={setKind} hint />}
              <QuickWinForm key={kind} region={region} planId={planId} quickWin={quickWin} rows={rows} onSaved={setFresh} />
            </details>
          )}
        </>
      )}
    </article>
  );
}

function QuickWinForm({ region, planId, quickWin, rows, onSaved }: {
  region: RegionProfile;
  planId: number;
  quickWin: QuickWin;
  rows: Array<PeriodRow<QuickWinReport>>;
  onSaved: (p: QuickWinProgress) => void;
}) {
  const { lang, m } = useMpLang();
  const { busy, error, run } = useAction();
  const [period, setPeriod] = useState(() => defaultPeriod(rows) ?? rows[0]?.period ?? '');
  const reportOf = (p: string) => rows.find((r) => r.period === p)?.report ?? null;
  const [form, setForm] = useState<QuickWinProgressForm>(() => quickWinProgressToForm(reportOf(period), lang));
  const [local, setLocal] = useState<LocalErrors>({});
  const [saved, setSaved] = useState<string | null>(null);
  const server = fieldErrors(error);
  const errorOf = (field: string) => (local[field] ? m(`mp.err.${local[field]}` as MpKey) : server[field]);
  const id = (field: string) => `qwr-${quickWin.no}-${field}`;
  const milestones = milestoneLines(quickWin.milestones ?? '');
  const milestoneError = Object.entries(server).find(([f]) => f.startsWith('milestones_done'))?.[1];
  const pick = (p: string) => {
    setPeriod(p);
    setForm(quickWinProgressToForm(reportOf(p), lang));
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
  const toggle = (line: string, on: boolean) =>
    setForm({ ...form, milestones_done: on ? [...form.milestones_done, line] : form.milestones_done.filter((x) => x !== line) });

  const submit = async (e: Event) => {
    e.preventDefault();
    setSaved(null);
    const { body, errors } = quickWinProgressToBody(form, lang);
    setLocal(errors);
    if (!body) return;
    const r = await run(() => mpApi.submitQuickWinProgress(region.slug, planId, quickWin.no, period, body));
    if (!r) return;
    setSaved(m('mp.reportSaved', { period: periodLabel(r.period, lang), revision: r.revision }));
    const p = await run(() => mpApi.quickWinProgress(region.slug, planId, quickWin.no));
    if (p) onSaved(p);
  };

  return (
    <form class="form mp-form" onSubmit={submit} noValidate aria-label={m('mp.reportFor', { name: quickWin.name })}>
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
      </div>
      {milestones.length > 0 && (
        <fieldset class="field" aria-describedby={milestoneError ? id('milestones-error') : undefined}>
          <legend>{m('mp.milestonesDone')}</legend>
          {milestones.map((line, i) => (
            <label key={line} class="checkbox">
              <input
                type="checkbox"
                id={id(`milestone-${i}`)}
                checked={form.milestones_done.includes(line)}
                onChange={(e) => toggle(line, e.currentTarget.checked)}
              />{' '}
              {line}
            </label>
          ))}
          {milestoneError && (
            <p class="field-error" id={id('milestones-error')} role="alert">
              {milestoneError}
            </p>
          )}
        </fieldset>
      )}
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
