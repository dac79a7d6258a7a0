// Pieces shared by the admin sections: paths, the confirmation line, an action runner that
// keeps the server's error for the form, and labels of roles and datatypes.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError, type RegionProfile } from '../api';
import type { Me } from '../api-types';
import type { AdminKey } from './messages';

export interface SectionProps {
  region: RegionProfile;
  me: Me;
}

export function adminPath(slug: string, section?: string, item?: string): string {
  let p = `/r/${encodeURIComponent(slug)}/admin`;
  if (section) p += `/${encodeURIComponent(section)}`;
  if (item) p += `/${encodeURIComponent(item)}`;
  return p;
}

export function toApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError('network', 0, 'client', e instanceof Error ? e.message : '');
}

/** Runs one write at a time; the error stays until the next run. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = async (fn: () => Promise<void>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      return true;
    } catch (e) {
      setError(toApiError(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}

/** A confirmation announced to screen readers. */
export function Flash({ children }: { children: ComponentChildren }) {
  if (!children) return null;
  return (
    <p class="notice notice-info" role="status" data-testid="admin-flash">
      {children}
    </p>
  );
}

export const ROLES_GRANTABLE = ['opd_officer', 'region_admin', 'agent', 'kim_member'] as const;

export function roleKey(role: string): AdminKey {
  const known = ['region_admin', 'opd_officer', 'agent', 'kim_member', 'consultant', 'citizen', 'national_admin'];
  return (known.includes(role) ? `role.${role}` : 'role.citizen') as AdminKey;
}

export function typeKey(datatype: string): AdminKey {
  return `type.${datatype}` as AdminKey;
}

export const OPD_TYPES = ['dinas', 'badan', 'kantor', 'kecamatan', 'kelurahan', 'sekretariat', 'other'] as const;
