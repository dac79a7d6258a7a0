// Pure logic of the masterplan pages: number input parsing (rupiah, decimals in the user's
// language), the program form <-> API JSON, server field names -> element ids, and the
// reporting periods of a program with the missing (late) ones.
import type { Lang } from '../i18n-core';
import type {
  BudgetLine,
  CheckBody,
  CheckState,
  Program,
  ProgressBody,
  ProgressReport,
  QuickWin,
  QuickWinProgressBody,
  QuickWinReport,
  Stage,
} from './mpApi';

/**
 * Whole rupiah from what a person types: "Rp 1.250.000", "1 250 000", "1,250,000", "-500000".
 * Dots, commas and spaces are all grouping (rupiah have no cents). null when not a number.
 */
export function parseRupiah(text: string): number | null {
  const s = text.replace(/^\s*Rp\.?/i, '').replace(/[\s.,\u00a0]/g, '');
  if (!/^-?\d{1,16}$/.test(s)) return null;
  return Number(s);
}

/**
 * A decimal in the user's language: Indonesian "12,5" and "1.250,75"; English "12.5" and
 * "1,250.75". The other language's separator alone is read as a decimal point ("12.5" in
 * Indonesian) unless it groups thousands ("1.500"). null when not a number.
 */
export function parseDecimal(text: string, lang: Lang): number | null {
  const [group, decimal] = lang === 'en' ? [',', '.'] : ['.', ','];
  const t = text.trim().replace(/[\s\u00a0]/g, '');
  let s: string;
  if (t.includes(decimal)) s = t.split(group).join('').replace(decimal, '.');
  else if (new RegExp(`^-?\\d{1,3}(\\${group}\\d{3})+$`).test(t)) s = t.split(group).join('');
  else s = t.replace(group, '.');
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(s)) return null;
  return Number(s);
}

/** A decimal for an input: at most two decimals, no grouping, the language's separator. */
export function decimalInput(n: number, lang: Lang): string {
  const s = String(Math.round(n * 100) / 100);
  return lang === 'en' ? s : s.replace('.', ',');
}

/** Rupiah for an input: grouped as the language writes it ("1.250.000" / "1,250,000"). */
export function rupiahInput(n: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 0 }).format(n);
}

/** The element id showing a server field error: "budget[0].amount" -> "pf-budget-0-amount". */
export function fieldDomId(field: string): string {
  return 'pf-' + field.replace(/\[(\d+)\]/g, '-$1').replace(/[^A-Za-z0-9-]+/g, '-');
}

export const BUDGET_SOURCES = ['APBD', 'APBN', 'DAK', 'KPBU', 'CSR', 'swasta'] as const;
export const HORIZONS = ['pendek', 'menengah', 'panjang'] as const;
export const PROGRAM_STATUSES = ['planned', 'ongoing', 'done', 'cancelled'] as const;

export interface BudgetRow {
  year: string;
  source: string;
  amount: string;
}

export interface KpiRow {
  name: string;
  unit: string;
  baseline: string;
  targets: Record<string, string>; // year -> typed target
}

/** The program form as typed: every number still text, so nothing typed is lost. */
export interface ProgramForm {
  dimension: string;
  element: string;
  name: string;
  description: string;
  owner_opd_id: string;
  supporting_opd_ids: number[];
  horizon: string;
  start_year: string;
  end_year: string;
  status: string;
  references: string;
  budget: BudgetRow[];
  kpis: KpiRow[];
}

export function emptyProgramForm(year: number): ProgramForm {
  return {
    dimension: '',
    element: '',
    name: '',
    description: '',
    owner_opd_id: '',
    supporting_opd_ids: [],
    horizon: 'menengah',
    start_year: String(year),
    end_year: String(year + 2),
    status: 'planned',
    references: '',
    budget: [{ year: String(year), source: 'APBD', amount: '' }],
    kpis: [],
  };
}

export function programToForm(p: Program, lang: Lang): ProgramForm {
  return {
    dimension: p.dimension,
    element: p.element,
    name: p.name,
    description: p.description,
    owner_opd_id: String(p.owner_opd_id),
    supporting_opd_ids: [...p.supporting_opd_ids],
    horizon: p.horizon,
    start_year: String(p.start_year),
    end_year: String(p.end_year),
    status: p.status,
    references: p.references,
    budget: p.budget.map((b) => ({ year: String(b.year), source: b.source, amount: rupiahInput(b.amount, lang) })),
    kpis: p.kpis.map((k) => ({
      name: k.name,
      unit: k.unit,
      baseline: decimalInput(k.baseline, lang),
      targets: Object.fromEntries(Object.entries(k.targets).map(([y, v]) => [y, decimalInput(v, lang)])),
    })),
  };
}

/** The years start..end of the form (for KPI targets), or [] while they are not usable. */
export function formYears(form: Pick<ProgramForm, 'start_year' | 'end_year'>): number[] {
  const a = Number(form.start_year);
  const b = Number(form.end_year);
  if (!Number.isInteger(a) || !Number.isInteger(b) || b < a || b - a > 20) return [];
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

export interface ProgramBody {
  dimension: string;
  element: string;
  name: string;
  description: string;
  owner_opd_id: number;
  supporting_opd_ids: number[];
  horizon: string;
  start_year: number;
  end_year: number;
  status: string;
  references: string;
  budget: BudgetLine[];
  kpis: Array<{ name: string; unit: string; baseline: number; targets: Record<string, number> }>;
}

export type LocalErrors = Record<string, 'number' | 'rupiah' | 'required'>;

/**
 * The API body of the form, or the fields whose text is not a number (keyed by the server's
 * field names, so they show where the server's would). Range rules (a negative budget, years
 * outside the plan) are the server's to judge. Empty KPI targets are left out.
 */
export function formToBody(form: ProgramForm, lang: Lang): { body: ProgramBody | null; errors: LocalErrors } {
  const errors: LocalErrors = {};
  const int = (text: string, field: string): number => {
    const n = Number(text.trim());
    if (!text.trim() || !Number.isInteger(n)) errors[field] = text.trim() ? 'number' : 'required';
    return n;
  };
  const budget = form.budget.map((b, i) => {
    const amount = parseRupiah(b.amount);
    if (amount === null) errors[`budget[${i}].amount`] = b.amount.trim() ? 'rupiah' : 'required';
    return { year: int(b.year, `budget[${i}].year`), source: b.source, amount: amount ?? 0 };
  });
  const kpis = form.kpis.map((k, i) => {
    const baseline = parseDecimal(k.baseline, lang);
    if (baseline === null) errors[`kpis[${i}].baseline`] = k.baseline.trim() ? 'number' : 'required';
    const targets: Record<string, number> = {};
    for (const [year, text] of Object.entries(k.targets)) {
      if (!text.trim()) continue;
      const v = parseDecimal(text, lang);
      if (v === null) errors[`kpis[${i}].targets.${year}`] = 'number';
      else targets[year] = v;
    }
    return { name: k.name.trim(), unit: k.unit.trim(), baseline: baseline ?? 0, targets };
  });
  const body: ProgramBody = {
    dimension: form.dimension,
    element: form.element,
    name: form.name.trim(),
    description: form.description.trim(),
    owner_opd_id: form.owner_opd_id ? Number(form.owner_opd_id) : 0,
    supporting_opd_ids: form.supporting_opd_ids.filter((id) => String(id) !== form.owner_opd_id),
    horizon: form.horizon,
    start_year: int(form.start_year, 'start_year'),
    end_year: int(form.end_year, 'end_year'),
    status: form.status,
    references: form.references.trim(),
    budget,
    kpis,
  };
  return Object.keys(errors).length ? { body: null, errors } : { body, errors };
}

// Outputs filled from the plan's data rather than recorded as a document (bimtek.h
// StageOutput::data); the reference route does not say which, so they are named here.
const DATA_OUTPUTS = new Set(['readiness_scores', 'swot', 'quick_win_ideas', 'quick_win_selection', 'final_quick_wins']);

export function isDocumentOutput(key: string): boolean {
  return !DATA_OUTPUTS.has(key);
}

/** The stage the consultant may complete now: the first open one after completed ones. */
export function completableStage(stages: Stage[]): number | null {
  const open = [...stages].sort((a, b) => a.stage - b.stage).find((s) => !s.completed);
  return open ? open.stage : null;
}

// --- reporting periods ---

export type PeriodState = 'reported' | 'late' | 'open';

export interface PeriodRow<R = ProgressReport> {
  period: string;
  state: PeriodState;
  report: R | null;
}

/** How often an item reports; one program or quick win keeps one kind. */
export type PeriodKind = 'quarter' | 'semester' | 'year' | 'month';
export const PERIOD_KINDS: PeriodKind[] = ['quarter', 'semester', 'year', 'month'];
const PER_YEAR: Record<PeriodKind, number> = { quarter: 4, semester: 2, year: 1, month: 12 };

/** The kind of a period name as the server accepts it ("2026-Q1", "2026-S1", "2026", "2026-03"), else null. */
export function periodKindOf(name: string): PeriodKind | null {
  if (/^\d{4}-Q[1-4]$/.test(name)) return 'quarter';
  if (/^\d{4}-S[12]$/.test(name)) return 'semester';
  if (/^\d{4}$/.test(name)) return 'year';
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(name)) return 'month';
  return null;
}

/** A period for people: "Semester 1 2026", "Tahun 2026"; quarters and months as named ("2026-Q1"). */
export function periodLabel(name: string, lang: Lang = 'id'): string {
  const kind = periodKindOf(name);
  if (kind === 'semester') return `Semester ${name.slice(6)} ${name.slice(0, 4)}`;
  if (kind === 'year') return `${lang === 'en' ? 'Year' : 'Tahun'} ${name}`;
  return name;
}

function periodOf(date: Date, kind: PeriodKind): { year: number; index: number } {
  const month = date.getMonth(); // 0..11, the browser's calendar day is close enough here
  return { year: date.getFullYear(), index: Math.floor((month * PER_YEAR[kind]) / 12) + 1 };
}

function periodName(year: number, index: number, kind: PeriodKind): string {
  switch (kind) {
    case 'month':
      return `${year}-${String(index).padStart(2, '0')}`;
    case 'quarter':
      return `${year}-Q${index}`;
    case 'semester':
      return `${year}-S${index}`;
    case 'year':
      return `${year}`;
  }
}

/** The kind the reports are in (one item keeps one kind), else `preferred`. */
export function reportsKind(reports: Array<{ period: string }>, preferred: PeriodKind = 'quarter'): PeriodKind {
  for (const r of reports) {
    const kind = periodKindOf(r.period);
    if (kind) return kind;
  }
  return preferred;
}

/**
 * The reporting periods of a program up to today, newest first, in the kind its reports are in
 * (one program keeps one kind), else in `preferred` (quarters by default): quarters
 * ("2026-Q3"), semesters ("2026-S2"), years ("2026") or months ("2026-03").
 * A past period without a report is late; the running one is open until it ends.
 */
export function periodRows<R extends { period: string } = ProgressReport>(
  program: Pick<Program, 'start_year' | 'end_year'>,
  reports: R[],
  today: Date,
  preferred: PeriodKind = 'quarter',
): PeriodRow<R>[] {
  const kind = reportsKind(reports, preferred);
  const per = PER_YEAR[kind];
  const now = periodOf(today, kind);
  const byPeriod = new Map(reports.map((r) => [r.period, r]));
  const rows: PeriodRow<R>[] = [];
  for (let year = program.start_year; year <= Math.min(program.end_year, now.year); year++) {
    for (let i = 1; i <= per; i++) {
      if (year === now.year && i > now.index) break;
      const name = periodName(year, i, kind);
      const report = byPeriod.get(name) ?? null;
      byPeriod.delete(name);
      const current = year === now.year && i === now.index;
      rows.push({ period: name, state: report ? 'reported' : current ? 'open' : 'late', report });
    }
  }
  for (const r of byPeriod.values()) rows.push({ period: r.period, state: 'reported', report: r });
  return rows.sort((a, b) => (a.period < b.period ? 1 : a.period > b.period ? -1 : 0));
}

/** The period a new report is most likely for: the newest late one, else the open one. */
export function defaultPeriod(rows: Array<PeriodRow<unknown>>): string | null {
  return rows.find((r) => r.state === 'late')?.period ?? rows.find((r) => r.state === 'open')?.period ?? null;
}

/** The period of `today` of that kind and the ones before it, newest first (for the staff overview). */
export function recentPeriods(today: Date, kind: PeriodKind, count = 4): string[] {
  let { year, index } = periodOf(today, kind);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(periodName(year, index, kind));
    if (--index === 0) {
      index = PER_YEAR[kind];
      year--;
    }
  }
  return out;
}

/** The quarter of `today` and the three before it, newest first. */
export function recentQuarters(today: Date, count = 4): string[] {
  return recentPeriods(today, 'quarter', count);
}

export type MpSection = '' | 'kesiapan' | 'program' | 'opd';

/** /r/{slug}/masterplan[/section[/item]] (router.ts matches these). */
export function mpPath(slug: string, section: MpSection = '', item?: string | number): string {
  const base = `/r/${encodeURIComponent(slug)}/masterplan`;
  if (!section) return base;
  return `${base}/${section}${item !== undefined ? `/${encodeURIComponent(String(item))}` : ''}`;
}

/** A progress report as typed; KPI actuals by KPI name (empty ones are not reported). */
export interface ProgressForm {
  realisation: string;
  budget_realised: string;
  narrative: string;
  evidence_url: string;
  kpis: Record<string, string>;
}

export function progressToForm(r: ProgressReport | null, lang: Lang): ProgressForm {
  if (!r) return { realisation: '', budget_realised: '', narrative: '', evidence_url: '', kpis: {} };
  return {
    realisation: String(r.realisation),
    budget_realised: rupiahInput(r.budget_realised, lang),
    narrative: r.narrative,
    evidence_url: r.evidence_url,
    kpis: Object.fromEntries(r.kpi_actuals.map((k) => [k.name, decimalInput(k.value, lang)])),
  };
}

/** The API body of a progress report, or the fields whose text is not a number. */
export function progressToBody(f: ProgressForm, lang: Lang): { body: ProgressBody | null; errors: LocalErrors } {
  const errors: LocalErrors = {};
  const pct = f.realisation.trim();
  if (!pct || !/^-?\d+$/.test(pct)) errors['realisation'] = pct ? 'number' : 'required';
  const budget = parseRupiah(f.budget_realised);
  if (budget === null) errors['budget_realised'] = f.budget_realised.trim() ? 'rupiah' : 'required';
  const kpi_actuals: Array<{ name: string; value: number }> = [];
  for (const [name, text] of Object.entries(f.kpis)) {
    if (!text.trim()) continue;
    const value = parseDecimal(text, lang);
    if (value === null) errors[`kpi:${name}`] = 'number';
    else kpi_actuals.push({ name, value });
  }
  if (Object.keys(errors).length) return { body: null, errors };
  const body: ProgressBody = {
    realisation: Number(pct),
    budget_realised: budget ?? 0,
    narrative: f.narrative.trim(),
    kpi_actuals,
  };
  if (f.evidence_url.trim()) body.evidence_url = f.evidence_url.trim();
  return { body, errors };
}

// --- the check of a report (diperiksa / dikembalikan) ---

/** A report's check state, "diajukan" for a server that predates checks. */
export function checkStateOf(r: { check_state?: CheckState } | null): CheckState | null {
  return r ? (r.check_state ?? 'diajukan') : null;
}

/** The rows whose current report was returned: what the OPD must correct and resubmit. */
export function returnedRows<R extends { check_state?: CheckState }>(rows: Array<PeriodRow<R>>): Array<PeriodRow<R>> {
  return rows.filter((r) => checkStateOf(r.report) === 'dikembalikan');
}

/**
 * The body that checks or returns revision `revision`; returning needs a note (the OPD must know
 * what to correct), so a blank one is a local "required" error on "note".
 */
export function checkToBody(
  revision: number,
  state: CheckBody['state'],
  note: string,
): { body: CheckBody | null; errors: LocalErrors } {
  const text = note.trim();
  if (state === 'dikembalikan' && !text) return { body: null, errors: { note: 'required' } };
  const body: CheckBody = { revision, state };
  if (text) body.note = text;
  return { body, errors: {} };
}

// --- quick-win progress ---

/** A quick win's milestones: its non-blank lines, trimmed (the server's MilestoneLines). */
export function milestoneLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/**
 * The years a quick win reports in, for periodRows: its dates' years when it has them, else
 * the plan's years (the server refuses periods outside the quick win's dates).
 */
export function quickWinYears(
  q: Pick<QuickWin, 'start_date' | 'end_date'>,
  planStart: number,
  planEnd: number,
): { start_year: number; end_year: number } {
  const year = (d: string | null) => (d && /^\d{4}-/.test(d) ? Number(d.slice(0, 4)) : null);
  return { start_year: year(q.start_date) ?? planStart, end_year: year(q.end_date) ?? planEnd };
}

export interface QuickWinProgressForm {
  realisation: string;
  budget_realised: string;
  narrative: string;
  evidence_url: string;
  milestones_done: string[];
}

export function quickWinProgressToForm(r: QuickWinReport | null, lang: Lang): QuickWinProgressForm {
  if (!r) return { realisation: '', budget_realised: '', narrative: '', evidence_url: '', milestones_done: [] };
  return {
    realisation: String(r.realisation),
    budget_realised: rupiahInput(r.budget_realised, lang),
    narrative: r.narrative,
    evidence_url: r.evidence_url,
    milestones_done: [...r.milestones_done],
  };
}

/** The API body of a quick-win report, or the fields whose text is not a number. */
export function quickWinProgressToBody(
  f: QuickWinProgressForm,
  lang: Lang,
): { body: QuickWinProgressBody | null; errors: LocalErrors } {
  const { body: base, errors } = progressToBody({ ...f, kpis: {} }, lang);
  if (!base) return { body: null, errors };
  const body: QuickWinProgressBody = {
    realisation: base.realisation,
    budget_realised: base.budget_realised,
    narrative: base.narrative,
    milestones_done: f.milestones_done,
  };
  if (base.evidence_url) body.evidence_url = base.evidence_url;
  return { body, errors };
}
