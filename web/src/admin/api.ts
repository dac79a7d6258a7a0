// The region admin API (src/reports/category_routes.cpp, src/regions/opd_routes.cpp,
// src/accounts/user_routes.cpp and key_audit_routes.cpp). Writes carry the CSRF token
// (apiRequest); errors are ApiError with the server's field details.
import { apiGet, apiRequest } from '../api';
import type { Category, Opd, RoutingRule } from '../api-types';

const R = (slug: string) => `/api/v1/regions/${encodeURIComponent(slug)}`;

export interface AttributeInput {
  code: string;
  datatype: string;
  variable: boolean;
  required: boolean;
  order: number;
  description: string;
  values: Array<{ key: string; name: string }>;
}

/** The body of PUT .../categories/{code}: every field but the code (in the path). */
export interface CategoryBody {
  name_id: string;
  name_en: string;
  group: string;
  description: string;
  keywords: string[];
  default_opd_id: number | null;
  sla_response_hours: number;
  sla_resolve_days: number;
  attributes: AttributeInput[];
  active: boolean;
}

export interface OpdFull extends Opd {
  region_code: string;
  created_at: string;
  updated_at: string;
}

export interface StoredGrant {
  id: number;
  role: string;
  region_code: string | null;
  opd_id?: string;
  kecamatan_code?: string;
  kelurahan_code?: string;
}

export interface AdminUser {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  status: 'active' | 'disabled' | 'pending' | string;
  language: string;
  verified: boolean;
  created_at: string;
  grants: StoredGrant[];
}

export interface GrantBody {
  role: string;
  opd_id?: number;
  kecamatan_code?: string;
  kelurahan_code?: string;
}

export interface ApiKey {
  id: number;
  region_code: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
  revoked: boolean;
}

export interface AuditRecord {
  id: number;
  at: string;
  actor: string;
  actor_id: number | null;
  region: string;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
}

export interface Paged<T> {
  items: T[];
  next_cursor?: string | null;
}

export const adminApi = {
  category: (slug: string, code: string, signal?: AbortSignal) =>
    apiGet<Category>(`${R(slug)}/categories/${encodeURIComponent(code)}`, signal),
  putCategory: (slug: string, code: string, body: CategoryBody) =>
    apiRequest<Category>('PUT', `${R(slug)}/categories/${encodeURIComponent(code)}`, { body }),
  putRule: (slug: string, body: { category: string; area_code: string | null; opd_id: number }) =>
    apiRequest<RoutingRule>('PUT', `${R(slug)}/routing-rules`, { body }),
  deleteRule: (slug: string, id: number) => apiRequest<null>('DELETE', `${R(slug)}/routing-rules/${id}`),
  opds: (slug: string, signal?: AbortSignal) => apiGet<{ items: OpdFull[] }>(`${R(slug)}/opds`, signal),
  createOpd: (slug: string, body: { name: string; short_name: string; type: string }) =>
    apiRequest<OpdFull>('POST', `${R(slug)}/opds`, { body }),
  updateOpd: (slug: string, id: number, body: Partial<{ name: string; short_name: string; type: string; active: boolean }>) =>
    apiRequest<OpdFull>('PATCH', `${R(slug)}/opds/${id}`, { body }),
  users: (slug: string, cursor: string | null, signal?: AbortSignal) =>
    apiGet<Paged<AdminUser>>(`${R(slug)}/users?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, signal),
  createUser: (slug: string, body: { name: string; email?: string; phone?: string; password: string } & GrantBody) =>
    apiRequest<AdminUser>('POST', `${R(slug)}/users`, { body }),
  addGrant: (slug: string, userId: number, body: GrantBody) =>
    apiRequest<StoredGrant>('POST', `${R(slug)}/users/${userId}/grants`, { body }),
  removeGrant: (slug: string, userId: number, grantId: number) =>
    apiRequest<unknown>('DELETE', `${R(slug)}/users/${userId}/grants/${grantId}`),
  disableUser: (slug: string, userId: number) => apiRequest<unknown>('POST', `${R(slug)}/users/${userId}/disable`, { body: {} }),
  keys: (slug: string, signal?: AbortSignal) => apiGet<{ items: ApiKey[] }>(`${R(slug)}/apikeys`, signal),
  createKey: (slug: string, name: string) => apiRequest<ApiKey & { key: string }>('POST', `${R(slug)}/apikeys`, { body: { name } }),
  revokeKey: (slug: string, id: number) => apiRequest<unknown>('DELETE', `${R(slug)}/apikeys/${id}`),
  audit: (slug: string, query: string, signal?: AbortSignal) =>
    apiGet<Paged<AuditRecord>>(`${R(slug)}/audit${query ? `?${query}` : ''}`, signal),
};
