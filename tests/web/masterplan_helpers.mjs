// Shared steps of the masterplan browser tests (masterplan.mjs, masterplan_progress.mjs) on the
// Manado demo masterplan: the demo logins or a skip, an API session from Node to check what the
// pages stored, the demo plan's API path, signing in and opening the masterplan. The harness
// (server, browser, seed) is run.mjs's.
import assert from 'node:assert/strict';
import { demoLogins, seed, server, REGION } from './run.mjs';

export const PLAN_TITLE = 'Masterplan Smart City Kota Manado 2025-2034';

/** The demo logins written by `kotacerdas demo` (role -> {email, password}), or null after
 * skipping the test with the reason. */
export function needDemo(t, ...roles) {
  if (!seed.ok) return t.skip(seed.reason), null;
  const logins = demoLogins();
  const missing = roles.filter((r) => !logins?.[r]);
  if (missing.length) return t.skip(`no demo login for ${missing.join(', ')} (kotacerdas demo)`), null;
  return logins;
}

/** An API session of `who` from Node (cookie and CSRF token), to check what the pages stored. */
export async function apiAs(who) {
  const res = await fetch(`${server.base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login: who.email, password: who.password }),
  });
  assert.equal(res.status, 200, 'API sign-in');
  const me = await res.json();
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return async (method, url, body) => {
    const r = await fetch(`${server.base}${url}`, {
      method,
      headers: { Cookie: cookie, 'X-CSRF-Token': me.csrf_token, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: r.status, body: await r.json().catch(() => null) };
  };
}

/** The demo plan's API path, or null (with the test skipped) when the demo has no masterplan. */
export async function demoPlan(t, api) {
  const list = await api('GET', `/api/v1/regions/${REGION.slug}/masterplans`);
  assert.equal(list.status, 200);
  const plan = list.body.items.find((p) => p.version.title === PLAN_TITLE);
  if (!plan) return t.skip('the demo has no Manado masterplan'), null;
  return `/api/v1/regions/${REGION.slug}/masterplans/${plan.id}`;
}

export async function signIn(page, who) {
  await page.goto(`${server.base}/masuk`);
  await page.getByRole('heading', { level: 1, name: 'Masuk' }).waitFor();
  await page.locator('#login').fill(who.email);
  await page.locator('#password').fill(who.password);
  await page.locator('form').getByRole('button', { name: 'Masuk' }).click();
  await page.getByTestId('account').waitFor();
}

/** From the region's home to its masterplan, through the region's navigation. */
export async function openMasterplan(page) {
  await page.goto(`${server.base}/r/${REGION.slug}`);
  await page.getByRole('navigation', { name: 'Navigasi wilayah' }).getByRole('link', { name: 'Masterplan' }).click();
  assert.equal(new URL(page.url()).pathname, `/r/${REGION.slug}/masterplan`);
}
