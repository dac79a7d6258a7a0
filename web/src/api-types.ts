// Shapes of the accounts and reports APIs (src/accounts/*_routes.cpp, src/reports/*_routes.cpp).
// Fields marked optional come from API parts that a server may not have yet.

export type ReportStatus = 'diterima' | 'diverifikasi' | 'diproses' | 'selesai' | 'ditolak' | 'duplikat';
export const REPORT_STATUSES: readonly ReportStatus[] = [
  'diterima',
  'diverifikasi',
  'diproses',
  'selesai',
  'ditolak',
  'duplikat',
];

export interface Grant {
  role: string;
  region_code: string | null;
  opd_id?: string;
  kecamatan_code?: string;
  kelurahan_code?: string;
}

export interface Me {
  user: { id: number; name: string; email: string | null; phone: string | null; language: string };
  grants: Grant[];
  session_id: number;
  csrf_token: string;
}

export interface Category {
  code: string;
  name: string;
  name_id: string;
  name_en: string;
  group: string;
  description: string;
  keywords: string[];
  default_opd_id: number | null;
  sla: { response_hours: number; resolve_days: number };
  attributes: CategoryAttribute[];
  active: boolean;
}

export interface CategoryAttribute {
  code: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist' | string;
  variable: boolean;
  required: boolean;
  order: number;
  description: string;
  values: Array<{ key: string; name: string }>;
}

export interface Photo {
  url: string;
  thumb_url: string;
  width: number;
  height: number;
  kind: 'report' | 'resolution';
}

export interface Report {
  tracking: string;
  category: string;
  status: ReportStatus;
  closed: boolean;
  description: string;
  lat: number;
  lon: number;
  address: string | null;
  kecamatan_code: string | null;
  kelurahan_code: string | null;
  opd: { id: number; name: string } | null;
  public: boolean;
  created_at: string;
  updated_at: string;
  photos?: Photo[];
  supporters?: number;
  rating?: { stars: number; text?: string | null } | null;
  sla?: { response_due: string | null; resolve_due: string | null; overdue: boolean } | null;
  reporter?: { user_id: number | null } | null;
  distance_m?: number;
}

export interface ReportPage {
  items: Report[];
  next_cursor: string | null;
}

export interface TimelineItem {
  kind: 'created' | 'status' | 'note' | 'assigned' | 'reopened' | 'merged' | 'escalated' | 'rated' | string;
  at: string;
  from?: string | { id: number; name: string } | null;
  to?: string | { id: number; name: string } | null;
  text?: string | null;
  public: boolean;
  actor?: string | null;
}

export interface Comment {
  id: number;
  text: string;
  status: 'pending' | 'approved' | 'hidden';
  author: string;
  created_at: string;
}

export interface AreaTree {
  region: { code: string; name: string };
  kecamatan: Array<{ code: string; name: string; kelurahan: Array<{ code: string; name: string }> }>;
}

export interface AreaMatch {
  kelurahan: { code: string; name: string } | null;
  kecamatan: { code: string; name: string } | null;
  kabkota: { code: string; name: string } | null;
  match: string;
}

export interface Opd {
  id: number;
  name: string;
  short_name: string;
  type: string;
  active: boolean;
}

export interface RoutingRule {
  id: number;
  category: string;
  area_code: string | null;
  opd: { id: number; name: string } | null;
}
