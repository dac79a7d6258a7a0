// Report status presentation: the Qlue colours (diterima red, diverifikasi/diproses yellow,
// selesai green; closed without fixing grey), each with a text colour meeting WCAG AA.
import type { ReportStatus } from '../api-types';

export type StatusTone = 'red' | 'yellow' | 'green' | 'grey';

export function statusTone(status: string): StatusTone {
  switch (status as ReportStatus) {
    case 'diterima':
      return 'red';
    case 'diverifikasi':
    case 'diproses':
      return 'yellow';
    case 'selesai':
      return 'green';
    default:
      return 'grey';
  }
}

/** Fill colours for map markers, same hues as the badges. */
export const TONE_FILL: Record<StatusTone, string> = {
  red: '#c62828',
  yellow: '#f2b705',
  green: '#2e7d32',
  grey: '#6b7680',
};

/** The moves an officer can offer from a status (src/reports/report_workflow.h). */
export function nextStatuses(status: string): ReportStatus[] {
  switch (status as ReportStatus) {
    case 'diterima':
      return ['diverifikasi', 'ditolak'];
    case 'diverifikasi':
      return ['diproses', 'ditolak'];
    case 'diproses':
      return ['selesai', 'ditolak'];
    case 'ditolak':
      return ['diverifikasi'];
    default:
      return [];
  }
}

/** What a move needs besides the status: ditolak and reconsidering need a reason, selesai a note. */
export function moveNeeds(from: string, to: string): 'reason' | 'note' | null {
  if (to === 'ditolak' || (from === 'ditolak' && to === 'diverifikasi')) return 'reason';
  if (to === 'selesai') return 'note';
  return null;
}

/** "120 m", "1,2 km" (id) / "1.2 km" (en). */
export function formatDistance(m: number, lang: 'id' | 'en' = 'id'): string {
  if (m < 1000) return `${Math.round(m)} m`;
  const km = (m / 1000).toFixed(1);
  return `${lang === 'id' ? km.replace('.', ',') : km} km`;
}

/** SLA: overdue first, then the earliest resolve deadline, then the oldest. */
export function compareForInbox(
  a: { sla?: { overdue: boolean; resolve_due: string | null } | null; created_at: string },
  b: { sla?: { overdue: boolean; resolve_due: string | null } | null; created_at: string },
): number {
  const ao = a.sla?.overdue ? 0 : 1;
  const bo = b.sla?.overdue ? 0 : 1;
  if (ao !== bo) return ao - bo;
  const ad = a.sla?.resolve_due ?? '';
  const bd = b.sla?.resolve_due ?? '';
  if (ad !== bd) return ad === '' ? 1 : bd === '' ? -1 : ad.localeCompare(bd);
  return a.created_at.localeCompare(b.created_at);
}
