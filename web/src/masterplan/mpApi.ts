// Shapes and calls of the masterplan API (src/masterplan/*_routes.cpp, *_json.cpp): plans and
// versions, Bimtek stages, readiness, programs and quick wins, progress reports, comments.
// Errors come as ApiError (../api.ts) with the server's field details.
import { ApiError, apiGet, apiRequest } from '../api';

export type VersionStatus = 'draft' | 'in_review' | 'approved' | 'published';

export interface Version {
  number: number;
  status: VersionStatus;
  title: string;
  summary: string;
  review_note: string;
  created_at: string;
  updated_at: string;
  published_at: string | null;
}

export interface PlanSummary {
  id: number;
  region: string;
  start_year: number;
  end_year: number;
  version: Version;
}

export interface TeamMember {
  no: number;
  body: 'dewan' | 'tim_pelaksana' | 'forum' | string;
  name: string;
  role: string;
  opd_id: number | null;
}

export interface ChecklistItem {
  output: string;
  name: string;
  present: boolean;
  title?: string;
  reference?: string;
  recorded_by?: string;
  recorded_at?: string;
}

export interface Stage {
  stage: number;
  roman: string;
  topic: string;
  start_date: string | null;
  end_date: string | null;
  place: string;
  facilitator: string;
  completed: boolean;
  completed_at: string | null;
  participants: Array<{ id: number; name: string; role: string; attended: boolean }>;
  attended: number;
  outputs: ChecklistItem[];
  missing: string[];
}

export interface PlanDetail extends PlanSummary {
  published_version: Version | null;
  versions: Array<{ number: number; status: VersionStatus; published_at: string | null }>;
  team: TeamMember[];
  current_stage: number;
  bimtek: Stage[];
}

/** GET .../published: the newest published version and its team. */
export interface PublishedPlan extends PlanSummary {
  team: TeamMember[];
}

export interface Named {
  key: string;
  name: string;
  name_id: string;
}

export interface Reference {
  dimensions: Array<{ key: string; name: string; elements: Named[] }>;
  readiness_aspects: Array<Named & { sub_aspects: Named[] }>;
  bimtek_stages: Array<{ stage: number; roman: string; topic: string; outputs: Array<{ key: string; name: string }> }>;
}

export interface ReadinessScore {
  dimension: string;
  aspect: string;
  sub_aspect: string;
  score: number;
  justification: string;
}

/** Averages are null while nothing in them is scored. */
export interface Analysis {
  version: number;
  readiness: {
    scores: ReadinessScore[];
    dimensions: Array<{ dimension: string; aspects: Record<string, number | null>; average: number | null; complete: boolean }>;
    aspects: Record<string, number | null>;
    average: number | null;
    scored: number;
    expected: number;
  };
}

export type Horizon = 'pendek' | 'menengah' | 'panjang';
export type ProgramStatus = 'planned' | 'ongoing' | 'done' | 'cancelled';

export interface BudgetLine {
  year: number;
  source: string;
  amount: number;
}

export interface Kpi {
  name: string;
  unit: string;
  baseline: number;
  targets: Record<string, number>;
}

export interface Program {
  no: number;
  dimension: string;
  element: string;
  name: string;
  description: string;
  owner_opd_id: number;
  supporting_opd_ids: number[];
  horizon: Horizon;
  start_year: number;
  end_year: number;
  location_code: string | null;
  references: string;
  status: ProgramStatus;
  budget: BudgetLine[];
  budget_total: number;
  kpis: Kpi[];
}

export interface QuickWin {
  no: number;
  dimension: string;
  name: string;
  description: string;
  state: 'candidate' | 'selected' | 'final' | 'rejected';
  reason: string;
  owner_opd_id: number | null;
  start_date: string | null;
  end_date: string | null;
  budget: number;
  milestones: string;
  progress: number;
}

export interface ProgramList {
  version: number;
  programs: Program[];
  quick_wins: QuickWin[];
}

export interface ProgressReport {
  program_no: number;
  period: string;
  revision: number;
  owner_opd_id: number;
  realisation: number;
  budget_realised: number;
  kpi_actuals: Array<{ name: string; value: number }>;
  narrative: string;
  evidence_url: string;
  submitted_by: string;
  submitted_at: string;
  check_state: CheckState;
  checked_by: string | null;
  checked_at: string | null;
  check_note: string;
}

/** A report's check: submitted (not checked yet), checked, returned to the OPD with a note. */
export type CheckState = 'diajukan' | 'diperiksa' | 'dikembalikan';

export interface CheckBody {
  revision: number;
  state: 'diperiksa' | 'dikembalikan';
  note?: string;
}

export interface QuickWinReport {
  quick_win_no: number;
  period: string;
  revision: number;
  owner_opd_id: number;
  realisation: number;
  budget_realised: number;
  milestones_done: string[];
  narrative: string;
  evidence_url: string;
  submitted_by: string;
  submitted_at: string;
  check_state: CheckState;
  checked_by: string | null;
  checked_at: string | null;
  check_note: string;
}

export interface QuickWinProgress {
  quick_win_no: number;
  quick_win_name: string;
  owner_opd_id: number;
  periods: QuickWinReport[];
  history: QuickWinReport[];
}

export interface QuickWinProgressBody {
  realisation: number;
  budget_realised: number;
  narrative: string;
  evidence_url?: string;
  milestones_done: string[];
}

/** What a period view counts (over the lines shown). */
export interface PeriodCounts {
  missing: number;
  unchecked: number;
  returned: number;
}

export interface ProgramProgress {
  program_no: number;
  program_name: string;
  owner_opd_id: number;
  periods: ProgressReport[];
  history: ProgressReport[];
}

export interface PeriodOverview extends PeriodCounts {
  period: string;
  items: Array<{ program_no: number; program_name: string; owner_opd_id: number; report: ProgressReport | null }>;
  quick_win_counts: PeriodCounts;
  quick_wins: Array<{
    quick_win_no: number;
    quick_win_name: string;
    state: QuickWin['state'];
    owner_opd_id: number;
    report: QuickWinReport | null;
  }>;
}

export interface ProgressBody {
  realisation: number;
  budget_realised: number;
  narrative: string;
  evidence_url?: string;
  kpi_actuals: Array<{ name: string; value: number }>;
}

/** An item a comment is about: "plan", "program:3", "quick_win:2", "readiness:governance", "stage:2". */
export interface PlanComment {
  id: number;
  item: string;
  body: string;
  author: { name: string; role: string } | null;
  created_at: string;
  request_changes: boolean;
  resolved: boolean;
}

export type Transition = 'submit' | 'approve' | 'request-changes' | 'publish';

const R = (slug: string) => `/api/v1/regions/${encodeURIComponent(slug)}`;
const P = (slug: string, id: number) => `${R(slug)}/masterplans/${id}`;

export const mpApi = {
  reference: (signal?: AbortSignal) => apiGet<Reference>('/api/v1/masterplan/reference', signal),
  plans: (slug: string, signal?: AbortSignal) => apiGet<{ items: PlanSummary[] }>(`${R(slug)}/masterplans`, signal),
  plan: (slug: string, id: number, signal?: AbortSignal) => apiGet<PlanDetail>(P(slug, id), signal),
  /** masterplan.read holders get the list item, OPD officers (program.edit) a PlanBrief. */
  current: (slug: string, signal?: AbortSignal) =>
    apiGet<PlanSummary | PlanBrief>(`${R(slug)}/masterplans/current`, signal),
  /** Public: every plan with a published version, `version` being the newest published one. */
  publishedPlans: (slug: string, signal?: AbortSignal) =>
    apiGet<{ items: PlanSummary[] }>(`${R(slug)}/masterplans/published`, signal),
  published: (slug: string, id: number, signal?: AbortSignal) => apiGet<PublishedPlan>(`${P(slug, id)}/published`, signal),
  transition: (slug: string, id: number, step: Transition, note?: string) =>
    apiRequest<PlanDetail>('POST', `${P(slug, id)}/${step}`, { body: note ? { note } : undefined }),
  completeStage: (slug: string, id: number, stage: number) =>
    apiRequest<Stage>('POST', `${P(slug, id)}/bimtek/${stage}/complete`),
  recordOutput: (slug: string, id: number, stage: number, output: string, title: string, reference: string) =>
    apiRequest<Stage>('PUT', `${P(slug, id)}/bimtek/${stage}/outputs/${encodeURIComponent(output)}`, {
      body: { title, reference },
    }),
  analysis: (slug: string, id: number, published: boolean, signal?: AbortSignal) =>
    apiGet<Analysis>(`${P(slug, id)}${published ? '/published' : ''}/analysis`, signal),
  setScores: (slug: string, id: number, scores: ReadinessScore[]) =>
    apiRequest<Analysis>('PUT', `${P(slug, id)}/readiness`, { body: { scores } }),
  /** The latest version's list (OPD officers: their OPD's programs and quick wins only). */
  programs: (slug: string, id: number, published: boolean, signal?: AbortSignal) =>
    apiGet<ProgramList>(`${P(slug, id)}${published ? '/published' : ''}/programs`, signal),
  program: (slug: string, id: number, no: number, signal?: AbortSignal) =>
    apiGet<Program>(`${P(slug, id)}/programs/${no}`, signal),
  saveProgram: (slug: string, id: number, no: number | null, body: unknown) =>
    no === null
      ? apiRequest<Program>('POST', `${P(slug, id)}/programs`, { body })
      : apiRequest<Program>('PUT', `${P(slug, id)}/programs/${no}`, { body }),
  progress: (slug: string, id: number, no: number, signal?: AbortSignal) =>
    apiGet<ProgramProgress>(`${P(slug, id)}/programs/${no}/progress`, signal),
  submitProgress: (slug: string, id: number, no: number, period: string, body: ProgressBody) =>
    apiRequest<ProgressReport>('PUT', `${P(slug, id)}/programs/${no}/progress/${encodeURIComponent(period)}`, { body }),
  quickWinProgress: (slug: string, id: number, no: number, signal?: AbortSignal) =>
    apiGet<QuickWinProgress>(`${P(slug, id)}/quick-wins/${no}/progress`, signal),
  submitQuickWinProgress: (slug: string, id: number, no: number, period: string, body: QuickWinProgressBody) =>
    apiRequest<QuickWinReport>('PUT', `${P(slug, id)}/quick-wins/${no}/progress/${encodeURIComponent(period)}`, { body }),
  /** masterplan.review: checks or returns the current revision of a report (409 when stale). */
  checkReport: (slug: string, id: number, kind: 'programs' | 'quick-wins', no: number, period: string, body: CheckBody) =>
    apiRequest<ProgressReport | QuickWinReport>(
      'POST',
      `${P(slug, id)}/${kind}/${no}/progress/${encodeURIComponent(period)}/check`,
      { body },
    ),
  /** OPD officers get their OPD's lines only, `missing` counted over those. */
  period: (slug: string, id: number, period: string, signal?: AbortSignal) =>
    apiGet<PeriodOverview>(`${P(slug, id)}/progress/${encodeURIComponent(period)}`, signal),
  comments: (slug: string, id: number, item: string, signal?: AbortSignal) =>
    apiGet<{ comments: PlanComment[]; open_requests: number }>(
      `${P(slug, id)}/comments?item=${encodeURIComponent(item)}`,
      signal,
    ),
  addComment: (slug: string, id: number, body: { item: string; body: string; request_changes: boolean }) =>
    apiRequest<PlanComment>('POST', `${P(slug, id)}/comments`, { body }),
  resolveComment: (slug: string, id: number, cid: number) =>
    apiRequest<unknown>('POST', `${P(slug, id)}/comments/${cid}/resolve`),
};

/**
 * The plan to work on: the one whose period holds `year`, else the newest; null for none. The
 * server's CurrentPlan (src/masterplan/masterplan.cpp, GET .../masterplans/current) is the same rule.
 */
export function currentPlan<T extends { id: number; start_year: number; end_year: number }>(
  plans: T[],
  year: number,
): T | null {
  const running = plans.filter((p) => p.start_year <= year && year <= p.end_year);
  const pool = running.length ? running : plans;
  return pool.reduce<T | null>((best, p) => (!best || p.start_year > best.start_year ? p : best), null);
}

/** The plan to work on (GET .../masterplans/current) without masterplan.read: OPD officers get
 * only what finds their programs, not the draft's text or review notes. */
export interface PlanBrief {
  id: number;
  region: string;
  start_year: number;
  end_year: number;
  status: VersionStatus;
  published: boolean;
}

/**
 * The plan an OPD officer works on: GET .../masterplans/current (the server applies the rule
 * of currentPlan), or null when the region has none (404 plan_not_found).
 */
export async function officerPlan(slug: string, signal?: AbortSignal): Promise<PlanSummary | PlanBrief | null> {
  try {
    return await mpApi.current(slug, signal);
  } catch (e) {
    if (e instanceof ApiError && e.code === 'plan_not_found') return null;
    throw e;
  }
}

/**
 * What a visitor reads: among the region's published plans (GET .../masterplans/published, each
 * with its newest published version) the current one by currentPlan, with its team from
 * GET .../{id}/published; null while none is published.
 */
export async function publicPlan(
  slug: string,
  signal?: AbortSignal,
  year = new Date().getFullYear(),
): Promise<PublishedPlan | null> {
  const { items } = await mpApi.publishedPlans(slug, signal);
  const chosen = currentPlan(items, year);
  return chosen ? mpApi.published(slug, chosen.id, signal) : null;
}
