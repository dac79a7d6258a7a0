// Staff's view of one period: every program's and reporting quick win's report with its check
// state, the ones that have not reported (late or missing) and the ones not checked yet; the
// region admin and the consultant (masterplan.review) check or return each report in place.
import { useState } from 'preact/hooks';
import { ErrorNotice, Loading, Notice } from '../components/common';
import { formatRupiah } from '../format';
import { useResource } from '../resource';
import { useMpLang } from './i18n';
import { periodLabel, recentPeriods, type PeriodKind } from './logic';
import type { Workspace } from './MasterplanPage';
import { mpApi, type ProgressReport, type QuickWinReport } from './mpApi';
import { PeriodKindSelect } from './PeriodKindSelect';
import { opdName } from './Programs';
import { CheckControls, CheckTag } from './ReportCheck';

export function ProgressOverview({ ws }: { ws: Workspace }) {
  const { lang, m } = useMpLang();
  const [kind, setKind] = useState<PeriodKind>('quarter');
  const periods = recentPeriods(new Date(), kind);
  // The last complete period by default; for years the running one.
  const first = (k: PeriodKind, ps: string[]) => (k === 'year' ? ps[0] : (ps[1] ?? ps[0])) ?? '';
  const [period, setPeriod] = useState(() => first(kind, periods));
  const pickKind = (k: PeriodKind) => {
    setKind(k);
    setPeriod(first(k, recentPeriods(new Date(), k)));
  };
  const [res, retry] = useResource((signal) => mpApi.period(ws.region.slug, ws.planId, period, signal), [ws.planId, period, lang]);
  const unchecked = res.state === 'ok' ? (res.data.unchecked ?? 0) + (res.data.quick_win_counts?.unchecked ?? 0) : 0;
  const reportCell = (kind: 'programs' | 'quick-wins', no: number, r: ProgressReport | QuickWinReport | null) => (
    <>
      <td>
        {r ? (
          <>
            {m('mp.p.reported', { pct: r.realisation })} · {formatRupiah(r.budget_realised, lang)}
          </>
        ) : (
          <span class="tag tag-danger">{m('mp.noReport')}</span>
        )}
      </td>
      <td>
        <CheckTag report={r} />
        {r && r.check_note && <p class="small">{r.check_note}</p>}
        {r && ws.can.review && <CheckControls region={ws.region} planId={ws.planId} kind={kind} no={no} report={r} onDone={retry} />}
      </td>
    </>
  );
  return (
    <section aria-labelledby="po-h" data-testid="progress-overview">
      <h2 id="po-h">{m('mp.progressOverview')}</h2>
      <PeriodKindSelect id="po-kind" value={kind} onChange={pickKind} />
      <div class="field mp-narrow-field">
        <label for="po-period">{m('mp.periodField')}</label>
        <select id="po-period" value={period} onChange={(e) => setPeriod(e.currentTarget.value)}>
          {periods.map((p) => (
            <option key={p} value={p}>
              {periodLabel(p, lang)}
            </option>
          ))}
        </select>
      </div>
      {res.state === 'loading' && <Loading />}
      {res.state === 'error' && <ErrorNotice error={res.error} onRetry={retry} />}
      {res.state === 'ok' && (
        <>
          {res.data.missing > 0 ? (
            <Notice tone="warn">{m('mp.missingReports', { n: res.data.missing, total: res.data.items.length })}</Notice>
          ) : null}
          {unchecked > 0 ? (
            <Notice>
              <span data-testid="unchecked-count">{m('mp.uncheckedReports', { n: unchecked })}</span>
            </Notice>
          ) : null}
          <div class="table-wrap mp-wrap" tabIndex={0} role="region" aria-labelledby="po-h">
            <table class="mp-programs" data-testid="period-reports">
              <thead>
                <tr>
                  <th scope="col">{m('mp.programName')}</th>
                  <th scope="col">{m('mp.owner')}</th>
                  <th scope="col">{m('mp.reportCol')}</th>
                  <th scope="col">{m('mp.checkCol')}</th>
                </tr>
              </thead>
              <tbody>
                {res.data.items.map((i) => (
                  <tr key={i.program_no} data-program={i.program_no}>
                    <td>{i.program_name}</td>
                    <td>{opdName(ws.opds, i.owner_opd_id)}</td>
                    {reportCell('programs', i.program_no, i.report)}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {(res.data.quick_wins ?? []).length > 0 && (
            <>
              <h3 id="po-qw-h">{m('mp.quickWinsOverview')}</h3>
              {res.data.quick_win_counts.missing > 0 ? (
                <Notice tone="warn">
                  {m('mp.missingQuickWins', { n: res.data.quick_win_counts.missing, total: res.data.quick_wins.length })}
                </Notice>
              ) : null}
              <div class="table-wrap mp-wrap" tabIndex={0} role="region" aria-labelledby="po-qw-h">
                <table class="mp-programs" data-testid="period-quick-wins">
                  <thead>
                    <tr>
                      <th scope="col">{m('mp.quickWins')}</th>
                      <th scope="col">{m('mp.owner')}</th>
                      <th scope="col">{m('mp.reportCol')}</th>
                      <th scope="col">{m('mp.checkCol')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {res.data.quick_wins.map((q) => (
                      <tr key={q.quick_win_no} data-quick-win={q.quick_win_no}>
                        <td>{q.quick_win_name}</td>
                        <td>{opdName(ws.opds, q.owner_opd_id)}</td>
                        {reportCell('quick-wins', q.quick_win_no, q.report)}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </>
      )}
    </section>
  );
}
