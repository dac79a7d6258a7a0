// The users section's forms: a role with its scope (OPD for an officer, kecamatan for an
// agent, kelurahan for a KIM member; none for a region admin), used to create a staff account
// (POST .../users) and to give an existing user another role (POST .../users/{id}/grants).
import { useState } from 'preact/hooks';
import type { AreaTree, Opd } from '../api-types';
import { ErrorNotice } from '../components/common';
import { describe, Field, fieldErrors } from '../components/form';
import { adminApi, type AdminUser, type GrantBody } from './api';
import { useAdminT } from './messages';
import { roleKey, ROLES_GRANTABLE, useAction } from './ui';

export interface GrantDraft {
  role: string;
  opd: string;
  kecamatan: string;
  kelurahan: string;
}

export const EMPTY_GRANT: GrantDraft = { role: 'opd_officer', opd: '', kecamatan: '', kelurahan: '' };

/** The grant fields the server expects for the role (src/accounts/roles.h ValidateGrant). */
export function grantBody(g: GrantDraft): GrantBody {
  switch (g.role) {
    case 'opd_officer':
      return g.opd ? { role: g.role, opd_id: Number(g.opd) } : { role: g.role };
    case 'agent':
      return g.kecamatan ? { role: g.role, kecamatan_code: g.kecamatan } : { role: g.role };
    case 'kim_member':
      return g.kelurahan ? { role: g.role, kelurahan_code: g.kelurahan } : { role: g.role };
    default:
      return { role: g.role };
  }
}

/** The scope field a role needs but lacks, keyed like the server's field. */
export function missingScope(g: GrantDraft, message: string): Record<string, string> {
  if (g.role === 'opd_officer' && !g.opd) return { opd_id: message };
  if (g.role === 'agent' && !g.kecamatan) return { kecamatan_code: message };
  if (g.role === 'kim_member' && !g.kelurahan) return { kelurahan_code: message };
  return {};
}

export function GrantFields({
  prefix,
  value,
  onChange,
  opds,
  areas,
  err,
}: {
  prefix: string;
  value: GrantDraft;
  onChange: (g: GrantDraft) => void;
  opds: Opd[];
  areas: AreaTree;
  err: (field: string) => string | undefined;
}) {
  const { t } = useAdminT();
  return (
    <div class="grid-2">
      <Field id={`${prefix}-role`} label={t('user.role')} error={err('role')}>
        <select
          id={`${prefix}-role`}
          value={value.role}
          onChange={(e) => onChange({ ...value, role: e.currentTarget.value })}
          {...describe(`${prefix}-role`, false, err('role'))}
        >
          {ROLES_GRANTABLE.map((r) => (
            <option key={r} value={r}>
              {t(roleKey(r))}
            </option>
          ))}
        </select>
      </Field>
      {value.role === 'opd_officer' && (
        <Field id={`${prefix}-opd`} label={t('user.scopeOpd')} error={err('opd_id')}>
          <select id={`${prefix}-opd`} value={value.opd} onChange={(e) => onChange({ ...value, opd: e.currentTarget.value })} {...describe(`${prefix}-opd`, false, err('opd_id'))}>
            <option value="">{t('rule.pick')}</option>
            {opds
              .filter((o) => o.active)
              .map((o) => (
                <option key={o.id} value={String(o.id)}>
                  {o.name}
                </option>
              ))}
          </select>
        </Field>
      )}
      {value.role === 'agent' && (
        <Field id={`${prefix}-kec`} label={t('user.scopeKecamatan')} error={err('kecamatan_code')}>
          <select
            id={`${prefix}-kec`}
            value={value.kecamatan}
            onChange={(e) => onChange({ ...value, kecamatan: e.currentTarget.value })}
            {...describe(`${prefix}-kec`, false, err('kecamatan_code'))}
          >
            <option value="">{t('rule.pick')}</option>
            {areas.kecamatan.map((k) => (
              <option key={k.code} value={k.code}>
                {k.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      {value.role === 'kim_member' && (
        <Field id={`${prefix}-kel`} label={t('user.scopeKelurahan')} error={err('kelurahan_code')}>
          <select
            id={`${prefix}-kel`}
            value={value.kelurahan}
            onChange={(e) => onChange({ ...value, kelurahan: e.currentTarget.value })}
            {...describe(`${prefix}-kel`, false, err('kelurahan_code'))}
          >
            <option value="">{t('rule.pick')}</option>
            {areas.kecamatan.map((k) => (
              <optgroup key={k.code} label={k.name}>
                {k.kelurahan.map((l) => (
                  <option key={l.code} value={l.code}>
                    {l.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </Field>
      )}
    </div>
  );
}

const SCOPE_FIELDS = ['role', 'opd_id', 'kecamatan_code', 'kelurahan_code'];

export function CreateUserForm({ slug, opds, areas, onSaved }: { slug: string; opds: Opd[]; areas: AreaTree; onSaved: (u: AdminUser) => void }) {
  const { t, core } = useAdminT();
  const empty = { name: '', email: '', phone: '', password: '' };
  const [form, setForm] = useState(empty);
  const [grant, setGrant] = useState<GrantDraft>(EMPTY_GRANT);
  const [local, setLocal] = useState<Record<string, string>>({});
  const action = useAction();
  const server = fieldErrors(action.error);
  const err = (k: string) => local[k] ?? server[k];
  const shown = ['name', 'email', 'phone', 'password', ...SCOPE_FIELDS];
  const general = action.error && !shown.some((f) => server[f]) ? action.error : null;
  const set = (k: keyof typeof form) => (e: Event) => setForm({ ...form, [k]: (e.currentTarget as HTMLInputElement).value });

  const submit = (e: Event) => {
    e.preventDefault();
    const missing: Record<string, string> = { ...missingScope(grant, core('form.required')) };
    if (!form.name.trim()) missing['name'] = core('form.required');
    if (!form.email.trim() && !form.phone.trim()) missing['email'] = core('auth.contactRequired');
    if (form.password.length < 8) missing['password'] = core('auth.passwordShort');
    setLocal(missing);
    if (Object.keys(missing).length) return;
    void action.run(async () => {
      const user = await adminApi.createUser(slug, {
        name: form.name.trim(),
        email: form.email.trim() || undefined,
        phone: form.phone.trim() || undefined,
        password: form.password,
        ...grantBody(grant),
      });
      setForm(empty);
      setGrant(EMPTY_GRANT);
      onSaved(user);
    });
  };

  return (
    <form class="card form admin-form" onSubmit={submit} noValidate data-testid="user-form">
      <h2>{t('user.add')}</h2>
      {general && <ErrorNotice error={general} />}
      <div class="grid-2">
        <Field id="user-name" label={t('user.name')} error={err('name')}>
          <input id="user-name" autocomplete="off" value={form.name} onInput={set('name')} {...describe('user-name', false, err('name'))} />
        </Field>
        <Field id="user-email" label={t('user.email')} hint={core('auth.contactHint')} error={err('email')}>
          <input id="user-email" type="email" autocomplete="off" value={form.email} onInput={set('email')} {...describe('user-email', true, err('email'))} />
        </Field>
        <Field id="user-phone" label={t('user.phone')} error={err('phone')}>
          <input id="user-phone" type="tel" autocomplete="off" value={form.phone} onInput={set('phone')} {...describe('user-phone', false, err('phone'))} />
        </Field>
        <Field id="user-password" label={t('user.password')} hint={t('user.passwordHint')} error={err('password')}>
          <input
            id="user-password"
            type="password"
            autocomplete="new-password"
            value={form.password}
            onInput={set('password')}
            {...describe('user-password', true, err('password'))}
          />
        </Field>
      </div>
      <GrantFields prefix="user-grant" value={grant} onChange={setGrant} opds={opds} areas={areas} err={err} />
      <button type="submit" class="button" disabled={action.busy}>
        {action.busy ? t('common.saving') : t('user.add')}
      </button>
    </form>
  );
}

export function GrantForm({
  slug,
  user,
  opds,
  areas,
  onSaved,
  onCancel,
}: {
  slug: string;
  user: AdminUser;
  opds: Opd[];
  areas: AreaTree;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t, core } = useAdminT();
  const [grant, setGrant] = useState<GrantDraft>(EMPTY_GRANT);
  const [local, setLocal] = useState<Record<string, string>>({});
  const action = useAction();
  const server = fieldErrors(action.error);
  const err = (k: string) => local[k] ?? server[k];
  const general = action.error && !SCOPE_FIELDS.some((f) => server[f]) ? action.error : null;
  const submit = (e: Event) => {
    e.preventDefault();
    const missing = missingScope(grant, core('form.required'));
    setLocal(missing);
    if (Object.keys(missing).length) return;
    void action.run(async () => {
      await adminApi.addGrant(slug, user.id, grantBody(grant));
      onSaved();
    });
  };
  return (
    <form class="form grant-form" onSubmit={submit} noValidate aria-label={t('user.grantFor', { name: user.name })}>
      {general && <ErrorNotice error={general} />}
      <GrantFields prefix={`grant-${user.id}`} value={grant} onChange={setGrant} opds={opds} areas={areas} err={err} />
      <div class="actions">
        <button type="submit" class="button button-small" disabled={action.busy}>
          {t('user.grant')}
        </button>
        <button type="button" class="button button-secondary button-small" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
