// Browser tests of the citizen and staff flows against the real server (harness in run.mjs):
// sign-in/registration, the report flow with a generated photo and GPS at 360x740 and desktop,
// the offline outbox, the report page, the map with reports (and 10,000 of them), the staff
// inbox. Parts whose server API is not there yet (photos, workflow, my reports) are skipped
// or checked to degrade cleanly, with the reason printed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkA11y, openPage, seed, server, shot, REGION, VIEWPORTS, sizes, assetBudget, demoLogins } from './run.mjs';

// A point in Kota Manado (kelurahan boundaries come with `kotacerdas demo`).
const MANADO = { latitude: 1.4748, longitude: 124.8421 };

function needDemo(t) {
  if (!seed.ok) return t.skip(seed.reason), null;
  const logins = demoLogins();
  if (!logins?.citizen || !logins?.opd_officer) return t.skip('no demo logins (kotacerdas demo)'), null;
  return logins;
}

async function signIn(page, who) {
  await page.goto(`${server.base}/masuk`);
  await page.getByRole('heading', { level: 1, name: 'Masuk' }).waitFor();
  await page.locator('#login').fill(who.email);
  await page.locator('#password').fill(who.password);
  await page.locator('form').getByRole('button', { name: 'Masuk' }).click();
  await page.getByTestId('account').waitFor();
}

/** A PNG drawn on a canvas in the page (2400x1800: the app must bring it down to 1600x1200). */
async function canvasPng(page) {
  const b64 = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 2400;
    c.height = 1800;
    const x = c.getContext('2d');
    const g = x.createLinearGradient(0, 0, 2400, 1800);
    g.addColorStop(0, '#6b5b3e');
    g.addColorStop(1, '#9a9a9a');
    x.fillStyle = g;
    x.fillRect(0, 0, 2400, 1800);
    x.fillStyle = '#222';
    x.beginPath();
    x.ellipse(1200, 900, 500, 260, 0, 0, Math.PI * 2);
    x.fill();
    return c.toDataURL('image/png').split(',')[1];
  });
  return { name: 'jalan-berlubang.png', mimeType: 'image/png', buffer: Buffer.from(b64, 'base64') };
}

/** Fills the report form: category by search, description, photo, GPS location. */
async function fillReport(page, description, { photo = true } = {}) {
  await page.getByRole('heading', { level: 1, name: 'Buat laporan' }).waitFor();
  await page.locator('#category-search').fill('lubang');
  await page.getByRole('radio', { name: 'Jalan rusak' }).check();
  // The category's required question appears with it.
  await page.getByRole('radio', { name: 'Sedang (berlubang)' }).check();
  await page.locator('#description').fill(description);
  if (photo) {
    await page.getByTestId('photo-input').setInputFiles(await canvasPng(page));
    await page.locator('.photo-list li').first().waitFor();
    assert.match(await page.locator('.photo-list li').first().textContent(), /1600×1200/);
  }
  await page.waitForSelector('#location-map[data-ready="true"]');
  await page.getByRole('button', { name: 'Pakai lokasi saya (GPS)' }).click();
  await page.getByTestId('location-status').filter({ hasText: /Kelurahan .+, Kecamatan .+|pilih dari daftar/ }).waitFor();
}

async function workflowAvailable(tracking) {
  const r = await fetch(`${server.base}/api/v1/regions/${REGION.slug}/reports/${tracking}/status`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{"status":"diverifikasi"}',
  });
  if (r.status !== 404) return true;
  const body = await r.json().catch(() => null);
  return body?.error?.code !== 'not_found';
}

const filed = []; // tracking numbers of reports the tests created

for (const kind of Object.keys(VIEWPORTS)) {
  describe(`${kind}: accounts and reports`, () => {
    test('sign in: errors in place, header state, sign out', async (t) => {
      const logins = needDemo(t);
      if (!logins) return;
      const { page, close } = await openPage(kind);
      try {
        await page.goto(`${server.base}/`);
        await page.locator('header').getByRole('link', { name: 'Masuk' }).click();
        await page.getByRole('heading', { level: 1, name: 'Masuk' }).waitFor();
        await page.locator('form').getByRole('button', { name: 'Masuk' }).click();
        assert.equal(await page.locator('#login-error').textContent(), 'Wajib diisi.');
        assert.equal(await page.locator('#login').getAttribute('aria-invalid'), 'true');
        await page.locator('#login').fill(logins.citizen.email);
        await page.locator('#password').fill('salah-sandi-123');
        await page.locator('form').getByRole('button', { name: 'Masuk' }).click();
        await page.locator('form .notice-error').waitFor();
        await checkA11y(page, `/masuk with errors (${kind})`);
        await shot(page, `${kind}-sign-in-error`);
        await page.locator('#password').fill(logins.citizen.password);
        await page.locator('form').getByRole('button', { name: 'Masuk' }).click();
        await page.getByTestId('account').waitFor();
        assert.match(await page.getByTestId('account').textContent(), /Laporan saya/);
        assert.equal(new URL(page.url()).pathname, '/');
        if (kind === 'phone') {
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(width <= 360, `no horizontal scrolling at 360 px when signed in (scrollWidth ${width})`);
        }
        await checkA11y(page, `/ signed in (${kind})`);
        await shot(page, `${kind}-signed-in`);
        // The session survives a reload (cookie), and signing out ends it.
        await page.reload();
        await page.getByTestId('account').waitFor();
        await page.getByRole('button', { name: 'Keluar' }).click();
        await page.locator('header').getByRole('link', { name: 'Masuk' }).waitFor();
        const me = await page.evaluate(() => fetch('/api/v1/auth/me').then((r) => r.status));
        assert.equal(me, 401);
      } finally {
        await close();
      }
    });

    test('registration: checks, then the verification step', async (t) => {
      if (!seed.ok) return t.skip(seed.reason);
      const { page, close } = await openPage(kind);
      try {
        await page.goto(`${server.base}/daftar`);
        await page.getByRole('heading', { level: 1, name: 'Daftar akun warga' }).waitFor();
        await page.getByRole('button', { name: 'Daftar' }).click();
        assert.equal(await page.locator('#reg-name-error').textContent(), 'Wajib diisi.');
        assert.equal(await page.locator('#reg-email-error').textContent(), 'Isi email atau nomor HP.');
        assert.equal(await page.locator('#reg-password-error').textContent(), 'Kata sandi minimal 8 karakter.');
        await checkA11y(page, `/daftar with errors (${kind})`);
        await page.locator('#reg-name').fill('Warga Uji Peramban');
        await page.locator('#reg-email').fill(`uji-${kind}-${Date.now()}@contoh.id`);
        await page.locator('#reg-password').fill('Sandi-Uji-2026!');
        await page.getByRole('button', { name: 'Daftar' }).click();
        await page.getByTestId('verify-form').waitFor();
        await checkA11y(page, `/daftar verify (${kind})`);
        await shot(page, `${kind}-register-verify`);
      } finally {
        await close();
      }
    });

    test('report flow: category, photo, GPS, tracking number, report page', async (t) => {
      const logins = needDemo(t);
      if (!logins) return;
      const { page, close } = await openPage(kind, { geolocation: MANADO, permissions: ['geolocation'] });
      try {
        await signIn(page, logins.citizen);
        await page.goto(`${server.base}/r/${REGION.slug}/lapor`);
        // Sending nothing shows every problem next to its field.
        await page.getByRole('heading', { level: 1, name: 'Buat laporan' }).waitFor();
        await page.getByRole('button', { name: 'Kirim laporan' }).click();
        assert.equal(await page.locator('#category-error').textContent(), 'Pilih kategori.');
        assert.equal(await page.locator('#description-error').textContent(), 'Uraian minimal 10 karakter.');
        assert.match(await page.locator('#location-error').textContent(), /GPS atau pin/);
        const text = `Jalan berlubang dalam di depan sekolah (${kind} ${Date.now()})`;
        await fillReport(page, text);
        if (kind === 'phone') {
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(width <= 360, `the report form fits 360 px (scrollWidth ${width})`);
        }
        await checkA11y(page, `/r/${REGION.slug}/lapor filled (${kind})`);
        sizes[`/r/${REGION.slug}/lapor (${kind})`] = await assetBudget(page);
        assert.ok(sizes[`/r/${REGION.slug}/lapor (${kind})`].total < 150 * 1024, 'report page JS+CSS under 150 KB gzipped');
        await shot(page, `${kind}-report-form`);
        const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith(`/regions/${REGION.slug}/reports`));
        await page.getByRole('button', { name: 'Kirim laporan' }).click();
        const req = await sent;
        assert.match(req.headers()['idempotency-key'] ?? '', /^[0-9a-f]{32}$/);
        await page.getByTestId('tracking').waitFor();
        const tracking = (await page.getByTestId('tracking').textContent()).trim();
        assert.match(tracking, /^[A-Z]+-?[0-9A-Z-]+$/);
        filed.push(tracking);
        const photosDropped = (await page.getByText('Server ini belum menerima foto').count()) > 0;
        if (photosDropped) console.log('report photos: this server takes no multipart yet; the report went without the photo');
        await checkA11y(page, `report sent (${kind})`);
        await shot(page, `${kind}-report-sent`);
        // The report page: status in its colour, description, timeline; signed-in actions.
        await page.getByRole('link', { name: 'Lihat laporan' }).click();
        await page.getByRole('heading', { level: 1, name: `Laporan ${tracking}` }).waitFor();
        assert.equal(await page.locator('.badge').first().textContent(), 'Diterima');
        assert.match(await page.locator('.badge').first().getAttribute('class'), /badge-red/);
        await page.getByText(text).waitFor();
        await page.locator('.timeline li').first().waitFor();
        await page.getByRole('heading', { name: 'Tindakan' }).waitFor();
        if (!photosDropped) {
          // The photo went up with the report (downscaled: at most 1600 px on the long side).
          const img = page.locator('.photo-grid img').first();
          await img.waitFor();
          await page.waitForFunction((el) => el.complete && el.naturalWidth > 0, await img.elementHandle());
        }
        await checkA11y(page, `report page (${kind})`);
        await shot(page, `${kind}-report-page`);
        // My reports: the list, or a clear note while the server lacks /me/reports.
        await page.getByRole('link', { name: 'Laporan saya' }).click();
        await page.getByRole('heading', { level: 1, name: 'Laporan saya' }).waitFor();
        await page.locator('[data-testid="my-reports"], .notice-warn, .empty').first().waitFor();
        if (await page.getByTestId('my-reports').count()) await page.getByText(tracking).waitFor();
        await checkA11y(page, `/laporan-saya (${kind})`);
        await shot(page, `${kind}-my-reports`);
      } finally {
        await close();
      }
    });
  });
}

describe('offline outbox', () => {
  test('a report made offline is queued and sent once when back online', async (t) => {
    if (!needDemo(t)) return;
    const { page, context, close } = await openPage('phone', { geolocation: MANADO, permissions: ['geolocation'] });
    try {
      await page.goto(`${server.base}/r/${REGION.slug}/lapor`);
      const text = `Lampu jalan mati sejak kemarin, dilaporkan tanpa sinyal ${Date.now()}`;
      await fillReport(page, text);
      await context.setOffline(true);
      await page.getByRole('button', { name: 'Kirim laporan' }).click();
      await page.getByTestId('queued').waitFor();
      await page.getByTestId('outbox').waitFor();
      assert.match(await page.getByTestId('outbox').textContent(), /Laporan menunggu dikirim \(1\)/);
      assert.match(await page.getByTestId('outbox').textContent(), /1 foto/);
      await checkA11y(page, 'offline queue (phone)');
      await shot(page, 'phone-report-queued');
      // Back online: the outbox sends it and the tracking number appears.
      await context.setOffline(false);
      await page.getByTestId('tracking').waitFor({ timeout: 20_000 });
      const tracking = (await page.getByTestId('tracking').textContent()).trim();
      filed.push(tracking);
      await shot(page, 'phone-report-sent-after-offline');
      // Exactly one report on the server with that text.
      const q = new URLSearchParams({ q: text.slice(-30) });
      const list = await (await fetch(`${server.base}/api/v1/regions/${REGION.slug}/reports?${q}`)).json();
      assert.deepEqual(list.items.map((r) => r.tracking), [tracking]);
      const left = await page.evaluate(
        () =>
          new Promise((resolve) => {
            const req = indexedDB.open('kotacerdas', 1);
            req.onsuccess = () => {
              const all = req.result.transaction('outbox').objectStore('outbox').getAll();
              all.onsuccess = () => resolve(all.result.length);
            };
          }),
      );
      assert.equal(left, 0, 'the outbox is empty after sending');
    } finally {
      await close();
    }
  });
});

describe('staff', () => {
  test('the OPD officer handles the report in the inbox', async (t) => {
    const logins = needDemo(t);
    if (!logins) return;
    if (!filed.length) return t.skip('no report filed by the earlier tests');
    const tracking = filed[0];
    const { page, close } = await openPage('desktop');
    try {
      await signIn(page, logins.opd_officer);
      await page.goto(`${server.base}/r/${REGION.slug}/kelola`);
      await page.getByRole('heading', { level: 1, name: 'Kelola laporan' }).waitFor();
      await page.locator('[data-testid="inbox-list"], .empty').first().waitFor();
      await checkA11y(page, 'inbox (desktop)');
      await shot(page, 'desktop-inbox');
      await page.goto(`${server.base}/r/${REGION.slug}/kelola/${tracking}`);
      await page.getByRole('heading', { level: 1, name: `Tangani ${tracking}` }).waitFor();
      await checkA11y(page, 'inbox report (desktop)');
      await shot(page, 'desktop-inbox-report');
      if (!(await workflowAvailable(tracking))) {
        return t.skip('the workflow route (POST .../status) answers 404 on this server');
      }
      for (const to of ['Diverifikasi', 'Diproses']) {
        await page.locator('#new-status').selectOption({ label: to });
        await page.getByRole('button', { name: 'Simpan' }).click();
        await page.getByText(`Status diubah menjadi ${to}.`).waitFor();
        await page.locator('.badge', { hasText: to }).first().waitFor();
      }
      await shot(page, 'desktop-inbox-diproses');
      const r = await (await fetch(`${server.base}/api/v1/regions/${REGION.slug}/reports/${tracking}`)).json();
      assert.equal(r.status, 'diproses');
      // Selesai needs the public resolution note: refused in place without it, then done.
      await page.locator('#new-status').selectOption({ label: 'Selesai' });
      await page.getByRole('button', { name: 'Simpan' }).click();
      await page.locator('#status-text-error, form .notice-error').first().waitFor();
      await page.locator('#status-text').fill('Lubang sudah ditambal dengan aspal baru.');
      await page.getByRole('button', { name: 'Simpan' }).click();
      await page.getByText('Status diubah menjadi Selesai.').waitFor();
      await page.locator('.badge', { hasText: 'Selesai' }).first().waitFor();
      await page.getByText('Lubang sudah ditambal dengan aspal baru.').first().waitFor();
      await shot(page, 'desktop-inbox-selesai');
    } finally {
      await close();
    }
    // The resident rates the resolution on the report page.
    const citizen = await openPage('phone');
    try {
      await signIn(citizen.page, logins.citizen);
      await citizen.page.goto(`${server.base}/r/${REGION.slug}/laporan/${tracking}`);
      await citizen.page.locator('.badge', { hasText: 'Selesai' }).first().waitFor();
      assert.match(await citizen.page.locator('.badge').first().getAttribute('class'), /badge-green/);
      await citizen.page.getByRole('radio', { name: '5 bintang' }).check();
      await citizen.page.locator('#rate-text').fill('Cepat dan rapi, terima kasih.');
      await citizen.page.getByRole('button', { name: 'Kirim penilaian' }).click();
      await citizen.page.getByText('Penilaian: 5 dari 5 bintang').waitFor();
      await checkA11y(citizen.page, 'report page resolved and rated (phone)');
      await shot(citizen.page, 'phone-report-rated');
    } finally {
      await citizen.close();
    }
  });

  test('the region admin sees categories and routing rules', async (t) => {
    const logins = needDemo(t);
    if (!logins) return;
    if (!logins.region_admin) return t.skip('no region admin demo login');
    const { page, close } = await openPage('desktop');
    try {
      await signIn(page, logins.region_admin);
      await page.goto(`${server.base}/r/${REGION.slug}/kelola`);
      await page.getByRole('button', { name: 'Kategori dan aturan' }).click();
      await page.getByRole('heading', { name: /Kategori laporan \(\d+\)/ }).waitFor();
      assert.ok((await page.locator('tbody tr').count()) >= 10, 'the demo categories are listed');
      await page.getByRole('heading', { name: /Aturan penerusan/ }).waitFor();
      await checkA11y(page, 'inbox admin (desktop)');
      await shot(page, 'desktop-inbox-admin');
    } finally {
      await close();
    }
  });

  test('a citizen is not let into the inbox', async (t) => {
    const logins = needDemo(t);
    if (!logins) return;
    const { page, close } = await openPage('phone');
    try {
      await signIn(page, logins.citizen);
      await page.goto(`${server.base}/r/${REGION.slug}/kelola`);
      await page.getByText('Halaman ini untuk petugas OPD dan admin daerah.').waitFor();
    } finally {
      await close();
    }
  });
});

for (const kind of Object.keys(VIEWPORTS)) {
  describe(`${kind}: map with reports`, () => {
    test('the reports filed are on the map and in the list, filters work', async (t) => {
      if (!needDemo(t)) return;
      if (!filed.length) return t.skip('no report filed by the earlier tests');
      const { page, close } = await openPage(kind);
      try {
        await page.goto(`${server.base}/r/${REGION.slug}/peta`);
        await page.waitForSelector('#region-map[data-markers]');
        const count = Number(await page.getByTestId('report-count').getAttribute('data-count'));
        assert.ok(count >= filed.length, `all ${filed.length} reports filed are listed (${count})`);
        await page.getByRole('link', { name: filed[0] }).waitFor();
        await checkA11y(page, `/r/${REGION.slug}/peta with reports (${kind})`);
        sizes[`/r/${REGION.slug}/peta with reports (${kind})`] = await assetBudget(page);
        await shot(page, `${kind}-map-reports`);
        // No test rejects a report: the "Ditolak" filter leaves an empty map.
        await page.locator('#f-status').selectOption('ditolak');
        await page.locator('[data-testid="report-count"][data-count="0"]').waitFor();
        await page.locator('#f-status').selectOption('');
        await page.locator(`[data-testid="report-count"][data-count="${count}"]`).waitFor();
      } finally {
        await close();
      }
    });
  });
}

describe('map with 10,000 reports', () => {
  test('clusters 10,000 reports and stays responsive', async (t) => {
    if (!seed.ok) return t.skip(seed.reason);
    const { page, close } = await openPage('desktop');
    try {
      // The map feed answers with 10,000 synthetic reports across Manado (same-origin route).
      const statuses = ['diterima', 'diverifikasi', 'diproses', 'selesai'];
      const points = Array.from({ length: 10_000 }, (_, i) => [
        1.42 + ((i * 104729) % 1600) / 10_000,
        124.8 + ((i * 7919) % 1500) / 10_000,
        i % 4,
        0,
        `MDO-T${i}`,
      ]);
      await page.route('**/reports/map-points*', (route) =>
        route.fulfill({ json: { count: points.length, truncated: false, statuses, categories: ['jalan-rusak'], points } }),
      );
      const t0 = Date.now();
      await page.goto(`${server.base}/r/${REGION.slug}/peta`);
      await page.waitForSelector('#region-map[data-reports="10000"][data-markers]');
      const loaded = Date.now() - t0;
      const markers = Number(await page.locator('#region-map').getAttribute('data-markers'));
      assert.ok(markers > 0 && markers < 2000, `clustered: ${markers} markers for 10,000 reports`);
      // Zooming re-clusters; time a few zoom steps in the page.
      const zoomMs = await page.evaluate(async () => {
        const el = document.getElementById('region-map');
        const btn = el.querySelector('.leaflet-control-zoom-in');
        const start = performance.now();
        for (let i = 0; i < 3; i++) {
          btn.click();
          await new Promise((r) => setTimeout(r, 300));
        }
        return performance.now() - start - 900;
      });
      console.log(`map with 10,000 reports: interactive in ${loaded} ms; ${markers} markers; 3 zoom steps re-clustered in ${Math.round(zoomMs)} ms beyond animation`);
      await shot(page, 'desktop-map-10000');
    } finally {
      await close();
    }
  });
});
