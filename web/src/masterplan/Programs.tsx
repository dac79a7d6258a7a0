// Programs (rencana aksi) of the masterplan filtered by dimension, its quick wins, and for
// staff the progress reports of a period (ProgressOverview.tsx). The
// dimension filter lives in the address (?dimensi=), so a saved program comes back to it.
import { useState } from 'preact/hooks';
import type { Opd } from '../api-types';
import { ErrorNotice, Loading } from '../components/common';
import { formatRupiah } from '../format';
import { useResource } from '../resource';
import { useMpLang, type MpKey } from './i18n';
import { mpPath } from './logic';
import type { Workspace } from './MasterplanPage';
import { mpApi, type Program } from './mpApi';
import { ProgressOverview } from './ProgressOverview';

export function opdName(opds: Opd[], id: number | null): string {
  if (id === null) return '–';
  return opds.find((o) => o.id === id)?.short_name ?? `OPD ${id}`;
}

export function dimensionName(ws: Workspace, key: string): string {
  return ws.reference.dimensions.find((d) => d.key === key)?.name ?? key;
}

export function elementName(ws: Workspace, dimension: string, key: string): string {
  return ws.reference.dimensions.find((d) => d.key === dimension)?.elements.find((e) => e.key === key)?.name ?? key;
}

function query(): URLSearchParams {
  return new URLSearchParams(typeof location === 'undefined' ? '' : location.search);
}

export function Programs({ ws }: { ws: Workspace }) {
  const { lang, m } = useMpLang();
  const [res, retry] = useResource((signal) => mpApi.programs(ws.region.slug, ws.planId, ws.published, signal), [ws.planId, ws.published, lang]);
  const [dimension, setDimension] = useState(() => query().get('dimensi') ?? '');
  const savedNo = Number(query().get('tersimpan') ?? 0);
  const choose = (d: string) => {
    setDimension(d);
    history.replaceState(null, '', d ? `?dimensi=${encodeURIComponent(d)}` : location.pathname);
  };
  if (res.state === 'loading') return <Loading />;
  if (res.state === 'error') return <ErrorNotice error={res.error} onRetry={retry} />;
  const programs = res.data.programs.filter((p) => !dimension || p.dimension === dimension);
  const quickWins = res.data.quick_wins.filter((q) => !dimension || q.dimension === dimension);
  const saved = res.data.programs.find((p) => p.no === savedNo);
  const editable = ws.can.edit && !ws.published;
  return (
    <>
      {saved && (
        <p role="status" class="notice notice-info" data-testid="program-saved">
          {m('mp.saved', { name: saved.name })}
        </p>
      )}
      <div class="mp-toolbar">
        <div class="field">
          <label for="prog-dimension">{m('mp.dimension')}</label>
          <select id="prog-dimension" value={dimension} onChange={(e) => choose(e.currentTarget.value)}>
            <option value="">{m('mp.allDimensions')}</option>
            {ws.reference.dimensions.map((d) => (
              <option key={d.key} value={d.key}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        {editable && (
          <a class="button" href={mpPath(ws.region.slug, 'program', 'baru') + (dimension ? `?dimensi=${dimension}` : '')}>
            {m('mp.addProgram')}
          </a>
        )}
      </div>
      <section aria-labelledby="prog-h">
        <h2 id="prog-h">
          {m('mp.programs')} <span class="small muted">({m('mp.programCount', { n: programs.length })})</span>
        </h2>
        {programs.length === 0 ? (
          <p class="empty">{m('mp.noPrograms')}</p>
        ) : (
          <div class="table-wrap mp-wrap" tabIndex={0} role="region" aria-labelledby="prog-h">
            <table class="mp-programs" data-testid="program-list">
              <thead>
                <tr>
                  <th scope="col">{m('mp.programName')}</th>
                  <th scope="col">{m('mp.owner')}</th>
                  <th scope="col">{m('mp.horizon')}</th>
                  <th scope="col">{m('mp.years')}</th>
                  <th scope="col" class="num">
                    {m('mp.budgetTotal')}
                  </th>
                  <th scope="col">{m('mp.programStatus')}</th>
                  {editable && (
                    <th scope="col">
                      <span class="visually-hidden">{m('mp.edit')}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {programs.map((p) => (
                  <ProgramRow key={p.no} ws={ws} p={p} editable={editable} highlight={p.no === savedNo} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="qw-h">
        <h2 id="qw-h">{m('mp.quickWins')}</h2>
        {quickWins.length === 0 ? (
          <p class="empty">{m('mp.noQuickWins')}</p>
        ) : (
          <ul class="report-list" data-testid="quick-wins">
            {quickWins.map((q) => (
              <li key={q.no}>
                <strong>{q.name}</strong> <span class="tag">{m(`mp.qw.${q.state}` as MpKey)}</span>
                <br />
                <span class="small">
                  {dimensionName(ws, q.dimension)} · {opdName(ws.opds, q.owner_opd_id)} · {formatRupiah(q.budget, lang)}
                </span>
                {q.reason && <p class="small muted">{q.reason}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>
      {!ws.published && <ProgressOverview ws={ws} />}
    </>
  );
}

function ProgramRow({ ws, p, editable, highlight }: { ws: Workspace; p: Program; editable: boolean; highlight: boolean }) {
  const { lang, m } = useMpLang();
  return (
    <tr class={highlight ? 'mp-highlight' : undefined} data-program={p.no}>
      <td>
        <strong>{p.name}</strong>
        <br />
        <span class="small muted">
          {dimensionName(ws, p.dimension)} · {elementName(ws, p.dimension, p.element)}
        </span>
      </td>
      <td title={ws.opds.find((o) => o.id === p.owner_opd_id)?.name}>{opdName(ws.opds, p.owner_opd_id)}</td>
      <td title={m(`mp.h.${p.horizon}` as MpKey)}>{m(`mp.hs.${p.horizon}` as MpKey)}</td>
      <td>{p.start_year === p.end_year ? p.start_year : `${p.start_year}–${p.end_year}`}</td>
      <td class="num" data-testid="budget-total">
        {formatRupiah(p.budget_total, lang)}
      </td>
      <td>{m(`mp.ps.${p.status}` as MpKey)}</td>
      {editable && (
        <td>
          <a href={mpPath(ws.region.slug, 'program', p.no)} aria-label={m('mp.editProgram', { name: p.name })}>
            {m('mp.edit')}
          </a>
        </td>
      )}
    </tr>
  );
}
