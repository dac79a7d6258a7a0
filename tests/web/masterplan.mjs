// Browser tests of the masterplan pages against the real server (harness in run.mjs, shared
// steps in masterplan_helpers.mjs), on the Manado demo masterplan (`kotacerdas demo`: Bimtek
// stage III, readiness scored, programs, quick wins, one progress period): the consultant's
// workspace (stage checklist and gate, readiness scores and averages, adding a program with a
// field error first), the public view, and the review steps up to publishing. The progress
// reports and their checks are in masterplan_progress.mjs. What the pages show is checked
// against the API as well.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assetBudget, checkA11y, openPage, seed, server, shot, sizes, REGION } from './run.mjs';
import { apiAs, demoPlan, needDemo, openMasterplan, signIn, PLAN_TITLE } from './masterplan_helpers.mjs';

const NEW_PROGRAM = 'Posyandu Digital Manado';

describe('masterplan: consultant', () => {
  test('stage checklist and gate, readiness score with the average, a program with a field error first', async (t) => {
    const logins = needDemo(t, 'consultant');
    if (!logins) return;
    const api = await apiAs(logins.consultant);
    const plan = await demoPlan(t, api);
    if (!plan) return;
    const { page, close } = await openPage('desktop');
    try {
      await signIn(page, logins.consultant);
      await openMasterplan(page);
      await page.getByRole('heading', { level: 1, name: PLAN_TITLE }).waitFor();
      assert.equal(await page.getByTestId('plan-status').textContent(), 'Draf');
      // Stages I and II are done with every output; stage III misses Buku 2, and completing
      // it is refused in place with what is missing.
      for (const n of [1, 2]) {
        assert.equal(await page.locator(`[data-testid="stage-${n}"] [data-present="false"]`).count(), 0);
        await page.getByTestId(`stage-${n}`).getByText(/^Selesai /).waitFor();
      }
      const three = page.getByTestId('stage-3');
      assert.equal(await three.locator('[data-output="buku2"]').getAttribute('data-present'), 'false');
      assert.equal(await three.locator('[data-output="quick_win_selection"]').getAttribute('data-present'), 'true');
      await three.getByText('1 keluaran belum ada').waitFor();
      await three.getByRole('button', { name: 'Selesaikan tahap III' }).click();
      await three.locator('.notice-error').getByText('Buku 2 Masterplan Smart City belum ada').waitFor();
      assert.equal(await page.getByTestId('stage-4').getByRole('button').filter({ hasText: 'Selesaikan' }).count(), 0);
      await page.getByTestId('review').getByRole('button', { name: 'Ajukan untuk reviu' }).waitFor();
      await checkA11y(page, 'masterplan overview (desktop)');
      sizes['/r/manado/masterplan (desktop, consultant)'] = await assetBudget(page);
      await shot(page, 'desktop-masterplan-home');

      // Readiness: a score for Smart Governance / Struktur / SDM with its justification.
      await page.getByRole('navigation', { name: 'Bagian masterplan' }).getByRole('link', { name: 'Kesiapan' }).click();
      await page.getByTestId('readiness-summary').waitFor();
      const before = (await api('GET', `${plan}/analysis`)).body.readiness;
      const old = before.scores.find((s) => s.dimension === 'governance' && s.aspect === 'struktur' && s.sub_aspect === 'sdm');
      const score = old.score === 5 ? 1 : 5;
      const avgCell = page.getByTestId('avg-governance');
      const shown = await avgCell.textContent();
      assert.equal(shown, before.dimensions.find((d) => d.dimension === 'governance').average.toFixed(2).replace('.', ','));
      const select = page.locator('#rd-governance-struktur-sdm-score');
      const just = page.locator('#rd-governance-struktur-sdm-just');
      assert.equal(await select.inputValue(), String(old.score));
      // Too short a justification: the server's message next to the field, nothing stored.
      await select.selectOption(String(score));
      await just.fill('ok');
      await page.getByRole('button', { name: 'Simpan nilai Smart Governance' }).click();
      await page.locator('#rd-governance-struktur-sdm-just-error').waitFor();
      assert.equal(await just.getAttribute('aria-invalid'), 'true');
      assert.equal(await avgCell.textContent(), shown);
      const justification = 'Tim TIK Diskominfo kini 14 orang bersertifikat; pelatihan rutin tiap triwulan.';
      await just.fill(justification);
      await page.getByRole('button', { name: 'Simpan nilai Smart Governance' }).click();
      await page.getByText('Nilai Smart Governance tersimpan.').waitFor();
      const after = (await api('GET', `${plan}/analysis`)).body.readiness;
      const stored = after.scores.find((s) => s.dimension === 'governance' && s.aspect === 'struktur' && s.sub_aspect === 'sdm');
      assert.deepEqual([stored.score, stored.justification], [score, justification]);
      const average = after.dimensions.find((d) => d.dimension === 'governance').average;
      assert.notEqual(await avgCell.textContent(), shown, 'the average changed');
      assert.equal(await avgCell.textContent(), average.toFixed(2).replace('.', ','));
      await page.getByTestId('readiness-governance').getByText(`Rata-rata: ${average.toFixed(2).replace('.', ',')}`).first().waitFor();
      await checkA11y(page, 'masterplan readiness (desktop)');
      await shot(page, 'desktop-masterplan-readiness');

      // Programs: add one; a negative budget is refused next to its field and nothing stored.
      await page.getByRole('navigation', { name: 'Bagian masterplan' }).getByRole('link', { name: 'Program' }).click();
      await page.getByTestId('program-list').waitFor();
      const count = (await api('GET', `${plan}/programs`)).body.programs.length;
      assert.equal(await page.locator('[data-testid="program-list"] tbody tr').count(), count);
      await page.locator('#prog-dimension').selectOption({ label: 'Smart Living' });
      const living = (await api('GET', `${plan}/programs`)).body.programs.filter((p) => p.dimension === 'living').length;
      assert.equal(await page.locator('[data-testid="program-list"] tbody tr').count(), living);
      await page.getByRole('link', { name: 'Tambah program' }).click();
      await page.getByRole('heading', { level: 2, name: 'Program baru' }).waitFor();
      assert.equal(await page.locator('#pf-dimension').inputValue(), 'living');
      await page.locator('#pf-element').selectOption({ label: 'Kesehatan' });
      await page.locator('#pf-name').fill(NEW_PROGRAM);
      await page.locator('#pf-description').fill('Pencatatan balita dan ibu hamil di posyandu dengan aplikasi.');
      await page.locator('#pf-owner-opd-id').selectOption({ label: 'Dinas Kesehatan' });
      await page.getByRole('checkbox', { name: 'Diskominfo' }).check();
      await page.locator('#pf-horizon').selectOption({ label: 'Menengah (2–5 tahun)' });
      await page.locator('#pf-start-year').fill('2026');
      await page.locator('#pf-end-year').fill('2027');
      await page.locator('#pf-budget-0-amount').fill('-5.000.000');
      await page.getByRole('button', { name: 'Tambah baris anggaran' }).click();
      await page.locator('#pf-budget-1-source').selectOption('APBN');
      await page.locator('#pf-budget-1-amount').fill('750.000.000');
      await page.getByRole('button', { name: 'Tambah KPI' }).click();
      await page.locator('#pf-kpis-0-name').fill('Posyandu memakai aplikasi');
      await page.locator('#pf-kpis-0-unit').fill('posyandu');
      await page.locator('#pf-kpis-0-baseline').fill('0');
      await page.locator('#pf-kpis-0-targets-2026').fill('20');
      await page.locator('#pf-kpis-0-targets-2027').fill('45,5');
      await page.getByRole('button', { name: 'Simpan program' }).click();
      const amountError = page.locator('#pf-budget-0-amount-error');
      await amountError.waitFor();
      assert.equal(await amountError.textContent(), 'anggaran harus rupiah 0 atau lebih');
      assert.equal(await page.locator('#pf-budget-0-amount').getAttribute('aria-invalid'), 'true');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'pf-budget-0-amount');
      assert.equal(await page.locator('[aria-invalid="true"]').count(), 1, 'only the amount is refused');
      const unchanged = (await api('GET', `${plan}/programs`)).body.programs;
      assert.equal(unchanged.length, count, 'nothing stored');
      assert.ok(!unchanged.some((p) => p.name === NEW_PROGRAM));
      await checkA11y(page, 'program form with a field error (desktop)');
      await shot(page, 'desktop-masterplan-program-error');
      // Corrected and sent with Enter from the field.
      await page.locator('#pf-budget-0-amount').fill('1.250.000.000');
      await page.locator('#pf-budget-0-amount').press('Enter');
      await page.getByTestId('program-saved').waitFor();
      assert.equal(await page.getByTestId('program-saved').textContent(), `Program "${NEW_PROGRAM}" tersimpan.`);
      const added = (await api('GET', `${plan}/programs`)).body.programs.find((p) => p.name === NEW_PROGRAM);
      assert.ok(added, 'the program is stored');
      assert.equal(new URL(page.url()).search, `?dimensi=living&tersimpan=${added.no}`);
      assert.deepEqual(
        added.budget.map((b) => [b.year, b.source, b.amount]),
        [
          [2026, 'APBD', 1250000000],
          [2027, 'APBN', 750000000],
        ],
      );
      assert.deepEqual(added.kpis, [{ name: 'Posyandu memakai aplikasi', unit: 'posyandu', baseline: 0, targets: { 2026: 20, 2027: 45.5 } }]);
      assert.equal(added.supporting_opd_ids.length, 1);
      const row = page.locator(`[data-testid="program-list"] tr[data-program="${added.no}"]`);
      assert.match(await row.textContent(), new RegExp(NEW_PROGRAM));
      assert.equal(await row.getByTestId('budget-total').textContent(), 'Rp\u00a02.000.000.000');
      assert.match(await row.textContent(), /Dinkes.*Menengah.*2026–2027/);
      await checkA11y(page, 'programs after adding one (desktop)');
      await shot(page, 'desktop-masterplan-programs');

      // Its edit page; the comments panel when the server has the comments API, else nothing.
      const commentsAsked = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/comments'));
      await row.getByRole('link', { name: `Ubah program ${NEW_PROGRAM}` }).click();
      await page.getByRole('heading', { level: 2, name: `Ubah program ${NEW_PROGRAM}` }).waitFor();
      assert.equal(await page.locator('#pf-budget-0-amount').inputValue(), '1.250.000.000');
      const comments = await api('GET', `${plan}/comments?item=program:${added.no}`);
      if (comments.status === 404 && comments.body?.error?.code === 'not_found') {
        await commentsAsked;
        await page.locator('[data-testid="comments"]').waitFor({ state: 'detached' });
        assert.equal(await page.getByTestId('comments').count(), 0, 'no comments panel without the API');
      } else {
        const panel = page.getByTestId('comments');
        await panel.locator('textarea').fill('Mohon rinci kelurahan sasaran posyandu.');
        await panel.getByRole('button', { name: 'Kirim komentar' }).click();
        await panel.getByText('Mohon rinci kelurahan sasaran posyandu.').waitFor();
        const listed = await api('GET', `${plan}/comments?item=program:${added.no}`);
        assert.ok(listed.body.comments.some((c) => c.body === 'Mohon rinci kelurahan sasaran posyandu.'));
      }
      await checkA11y(page, 'program edit (desktop)');
    } finally {
      await close();
    }
  });
});

describe('masterplan: public and review', () => {
  test('a visitor sees that the masterplan is not published, and public pages do not load it', async (t) => {
    if (!seed.ok) return t.skip(seed.reason);
    const { page, close } = await openPage('desktop');
    const masterplanCalls = [];
    page.on('response', (r) => {
      if (r.url().includes('/masterplans')) masterplanCalls.push(`${r.status()} ${new URL(r.url()).pathname}`);
    });
    try {
      await page.goto(`${server.base}/r/${REGION.slug}`);
      await page.getByRole('heading', { level: 1, name: REGION.name }).waitFor();
      const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
      assert.ok(!loaded.some((u) => /MasterplanPage/.test(u)), 'the region home does not load the masterplan chunk');
      await page.getByRole('navigation', { name: 'Navigasi wilayah' }).getByRole('link', { name: 'Masterplan' }).click();
      await page.getByRole('heading', { level: 1, name: 'Masterplan Smart City' }).waitFor();
      // The demo plan is in Bimtek stage III: not published (without the demo: no plan).
      assert.match(await page.getByTestId('mp-not-published').textContent(), /belum diterbitkan|Belum ada masterplan/);
      // One public question (GET .../masterplans/published), no probing of plan ids.
      assert.deepEqual(masterplanCalls, [`200 /api/v1/regions/${REGION.slug}/masterplans/published`]);
      await page.locator('main').getByRole('link', { name: 'Masuk' }).waitFor();
      await checkA11y(page, 'masterplan, public (desktop)');
      await shot(page, 'desktop-masterplan-public');
    } finally {
      await close();
    }
  });

  test('the consultant submits for review, then requests changes with a note', async (t) => {
    const logins = needDemo(t, 'consultant');
    if (!logins) return;
    const api = await apiAs(logins.consultant);
    const plan = await demoPlan(t, api);
    if (!plan) return;
    if ((await api('GET', plan)).body.version.status !== 'draft') return t.skip('the demo plan is not a draft');
    const { page, close } = await openPage('desktop');
    try {
      await signIn(page, logins.consultant);
      await openMasterplan(page);
      const review = page.getByTestId('review');
      await review.getByRole('button', { name: 'Ajukan untuk reviu' }).click();
      await review.getByText('Status masterplan sekarang: Sedang direviu.').waitFor();
      assert.equal(await page.getByTestId('plan-status').textContent(), 'Sedang direviu');
      assert.equal((await api('GET', plan)).body.version.status, 'in_review');
      // Publishing is the region admin's: the consultant gets approve and request changes.
      assert.equal(await review.getByRole('button', { name: 'Terbitkan' }).count(), 0);
      await review.getByRole('button', { name: 'Minta perubahan' }).click();
      assert.equal(await page.locator('#review-note-error').textContent(), 'Wajib diisi.');
      await page.locator('#review-note').fill('Lengkapi Buku 2 sebelum disetujui.');
      await checkA11y(page, 'masterplan review (desktop)');
      await shot(page, 'desktop-masterplan-review');
      await review.getByRole('button', { name: 'Minta perubahan' }).click();
      await review.getByText('Status masterplan sekarang: Draf.').waitFor();
      await review.getByText('Lengkapi Buku 2 sebelum disetujui.').waitFor();
      const after = (await api('GET', plan)).body.version;
      assert.deepEqual([after.status, after.review_note], ['draft', 'Lengkapi Buku 2 sebelum disetujui.']);
    } finally {
      await close();
    }
  });

  // Last: it publishes the demo plan. Stage IV's schedule, attendance, final quick wins and
  // documents are prepared through the API (the pages do not edit those yet).
  test('stages III and IV completed, approved, published by the region admin, read by the public', async (t) => {
    const logins = needDemo(t, 'consultant', 'region_admin');
    if (!logins) return;
    const api = await apiAs(logins.consultant);
    const plan = await demoPlan(t, api);
    if (!plan) return;
    const detail = (await api('GET', plan)).body;
    if (detail.version.status !== 'draft' || detail.current_stage !== 3) return t.skip('the demo plan is not a draft in stage III');
    const consultant = await openPage('desktop');
    try {
      const { page } = consultant;
      await signIn(page, logins.consultant);
      await openMasterplan(page);
      const three = page.getByTestId('stage-3');
      await three.locator('summary', { hasText: 'Catat dokumen' }).click();
      await three.locator('#rec-3-buku2-title').fill('Buku 2 Masterplan Smart City Kota Manado');
      await three.locator('#rec-3-buku2-ref').fill('BUKU-2-MANADO-2025.pdf');
      await three.locator('form').getByRole('button', { name: 'Catat dokumen' }).click();
      await three.locator('[data-output="buku2"][data-present="true"]').waitFor();
      await three.getByRole('button', { name: 'Selesaikan tahap III' }).click();
      await three.getByText('Tahap III selesai.').waitFor();
      await three.getByText(/^Selesai /).waitFor();

      await api('PATCH', `${plan}/bimtek/IV`, { start_date: '2025-12-09', end_date: '2025-12-10', place: 'Ruang Serbaguna Kantor Wali Kota Manado' });
      await api('POST', `${plan}/bimtek/IV/participants`, { name: 'Wali Kota Manado', role: 'Kepala Daerah', attended: true });
      for (const q of (await api('GET', `${plan}/programs`)).body.quick_wins) {
        const { no, state, start_date, end_date, ...rest } = q;
        const r = await api('PUT', `${plan}/quick-wins/${no}`, { ...rest, state: 'final', start_date: '2026-01-05', end_date: '2026-12-15' });
        assert.equal(r.status, 200, JSON.stringify(r.body));
      }
      for (const output of ['signed_commitment', 'executive_summary']) {
        const r = await api('PUT', `${plan}/bimtek/IV/outputs/${output}`, { title: `Dokumen ${output}`, reference: `MANADO-${output}` });
        assert.equal(r.status, 200, JSON.stringify(r.body));
      }
      await page.reload();
      const four = page.getByTestId('stage-4');
      assert.equal(await four.locator('[data-present="false"]').count(), 0);
      await four.getByRole('button', { name: 'Selesaikan tahap IV' }).click();
      await four.getByText('Tahap IV selesai.').waitFor();
      const review = page.getByTestId('review');
      await review.getByRole('button', { name: 'Ajukan untuk reviu' }).click();
      await review.getByRole('button', { name: 'Setujui' }).click();
      await review.getByText('Status masterplan sekarang: Disetujui.').waitFor();
      assert.equal(await review.getByRole('button', { name: 'Terbitkan' }).count(), 0, 'publishing is the region admin’s');
    } finally {
      await consultant.close();
    }

    const admin = await openPage('desktop');
    try {
      await signIn(admin.page, logins.region_admin);
      await openMasterplan(admin.page);
      await admin.page.getByTestId('review').getByRole('button', { name: 'Terbitkan' }).click();
      await admin.page.getByText('Status masterplan sekarang: Diterbitkan.').waitFor();
      assert.equal(await admin.page.getByTestId('plan-status').textContent(), 'Diterbitkan');
      assert.equal((await api('GET', plan)).body.version.status, 'published');
    } finally {
      await admin.close();
    }

    const visitor = await openPage('desktop');
    try {
      const { page } = visitor;
      await openMasterplan(page);
      await page.getByRole('heading', { level: 1, name: PLAN_TITLE }).waitFor();
      assert.equal(await page.getByTestId('plan-status').textContent(), 'Diterbitkan');
      await page.getByText('Anda melihat versi yang diterbitkan (hanya baca).').waitFor();
      await page.getByRole('heading', { level: 3, name: 'Dewan Smart City' }).waitFor();
      await checkA11y(page, 'published masterplan, public (desktop)');
      await shot(page, 'desktop-masterplan-published');
      const sections = page.getByRole('navigation', { name: 'Bagian masterplan' });
      await sections.getByRole('link', { name: 'Kesiapan' }).click();
      await page.getByTestId('readiness-summary').waitFor();
      const published = (await fetch(`${server.base}${plan}/published/analysis`).then((r) => r.json())).readiness;
      const governance = published.dimensions.find((d) => d.dimension === 'governance').average;
      assert.equal(await page.getByTestId('avg-governance').textContent(), governance.toFixed(2).replace('.', ','));
      assert.equal(await page.locator('main select, main textarea').count(), 0, 'read only');
      await sections.getByRole('link', { name: 'Program' }).click();
      await page.getByTestId('program-list').waitFor();
      const programs = (await fetch(`${server.base}${plan}/published/programs`).then((r) => r.json())).programs;
      assert.equal(await page.locator('[data-testid="program-list"] tbody tr').count(), programs.length);
      assert.equal(await page.getByRole('link', { name: 'Tambah program' }).count(), 0);
      assert.equal(await page.getByRole('link', { name: /^Ubah program/ }).count(), 0);
      await checkA11y(page, 'published programs, public (desktop)');
      await shot(page, 'desktop-masterplan-published-programs');
    } finally {
      await visitor.close();
    }
  });
});
