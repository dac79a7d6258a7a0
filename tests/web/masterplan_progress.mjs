// Browser tests of masterplan progress reports against the real server (harness in run.mjs,
// shared steps in masterplan_helpers.mjs), on the Manado demo masterplan (one progress period,
// 2026-Q1): the OPD officer's programs and progress report (desktop and phone), the region
// admin's check of progress reports (one checked, one returned with a note the officer then
// sees), and an OPD officer's quick-win progress report. What the pages show is checked
// against the API as well. Runs before masterplan.mjs (web.test.mjs), which publishes the plan.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkA11y, openPage, server, shot, REGION } from './run.mjs';
import { apiAs, demoPlan, needDemo, openMasterplan, signIn } from './masterplan_helpers.mjs';

for (const kind of ['desktop', 'phone']) {
  describe(`masterplan: OPD officer (${kind})`, () => {
    test("sees only the OPD's programs and reports progress for a period", async (t) => {
      const logins = needDemo(t, 'consultant', 'opd_officer');
      if (!logins) return;
      const consultant = await apiAs(logins.consultant);
      const plan = await demoPlan(t, consultant);
      if (!plan) return;
      const officer = await apiAs(logins.opd_officer);
      const me = (await officer('GET', '/api/v1/auth/me')).body;
      const opd = Number(me.grants.find((g) => g.role === 'opd_officer').opd_id);
      const all = (await consultant('GET', `${plan}/programs`)).body.programs;
      const own = all.filter((p) => p.owner_opd_id === opd);
      if (!own.length) return t.skip('the demo OPD officer owns no program');
      const { page, close } = await openPage(kind);
      // The page finds the plan and the programs by asking (GET .../current, .../programs), not
      // by trying ids and numbers: no API answer is refused or missing on the way.
      const refused = [];
      page.on('response', (r) => {
        if (r.url().includes('/api/v1/regions/') && [403, 404].includes(r.status())) refused.push(`${r.status()} ${r.url()}`);
      });
      try {
        await signIn(page, logins.opd_officer);
        await openMasterplan(page);
        await page.getByRole('heading', { level: 1, name: 'Program OPD saya' }).waitFor();
        await page.getByTestId('opd-program').first().waitFor();
        const shownNos = await page.getByTestId('opd-program').evaluateAll((els) => els.map((e) => Number(e.dataset.program)));
        assert.deepEqual(shownNos, own.map((p) => p.no), "only the officer's OPD's programs");
        assert.deepEqual(refused, [], 'no probing');
        const card = page.locator(`[data-testid="opd-program"][data-program="${own[0].no}"]`);
        await card.getByRole('heading', { level: 2, name: own[0].name }).waitFor();
        // Periods past without a report are shown late.
        const lateBefore = await card.locator('[data-state="late"]').count();
        if (kind === 'phone') {
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(width <= 360, `no horizontal scrolling at 360 px (scrollWidth ${width})`);
        }
        await card.getByText('Laporkan kemajuan').click();
        const period = await card.locator(`#pr-${own[0].no}-period`).inputValue();
        const expectedState = await card.locator(`[data-period="${period}"]`).getAttribute('data-state');
        await checkA11y(page, `OPD programs with the report form (${kind})`);
        await shot(page, `${kind}-masterplan-opd`);

        // Too short a narrative: the server's message next to it; then a full report.
        const pct = kind === 'phone' ? 15 : 40;
        await card.locator(`#pr-${own[0].no}-realisation`).fill(String(pct));
        await card.locator(`#pr-${own[0].no}-budget_realised`).fill('Rp 250.000.000');
        await card.locator(`#pr-${own[0].no}-narrative`).fill('pendek');
        await card.getByRole('button', { name: 'Kirim laporan' }).click();
        await card.locator(`#pr-${own[0].no}-narrative-error`).waitFor();
        if (own[0].kpis.length) await card.locator(`#pr-${own[0].no}-kpi-0`).fill('3');
        const narrative = 'Desain kawasan selesai; lelang pekerjaan pedestrian berjalan.';
        await card.locator(`#pr-${own[0].no}-narrative`).fill(narrative);
        await card.getByRole('button', { name: 'Kirim laporan' }).click();
        await card.getByTestId('report-saved').waitFor();
        assert.match(await card.getByTestId('report-saved').textContent(), new RegExp(`^Laporan ${period} tercatat \\(revisi \\d+\\)\\.$`));
        const row = card.locator(`[data-period="${period}"][data-state="reported"]`);
        await row.waitFor();
        assert.match(await row.textContent(), new RegExp(`Dilaporkan ${pct}%`));
        if (expectedState === 'late') assert.equal(await card.locator('[data-state="late"]').count(), lateBefore - 1);
        const stored = (await officer('GET', `${plan}/programs/${own[0].no}/progress`)).body;
        const report = stored.periods.find((r) => r.period === period);
        assert.ok(report, 'the report is stored');
        assert.deepEqual([report.realisation, report.budget_realised, report.narrative], [pct, 250000000, narrative]);
        if (own[0].kpis.length) assert.deepEqual(report.kpi_actuals, [{ name: own[0].kpis[0].name, value: 3 }]);
        // Another OPD's program stays closed to the officer.
        const other = all.find((p) => p.owner_opd_id !== opd);
        assert.equal((await officer('GET', `${plan}/programs/${other.no}/progress`)).status, 403);
        await checkA11y(page, `OPD programs after a report (${kind})`);
        await shot(page, `${kind}-masterplan-opd-reported`);
      } finally {
        await close();
      }
    });
  });
}

describe('masterplan: report checks', () => {
  test('the region admin checks a report and returns another; the officer sees the returned one with its note', async (t) => {
    const logins = needDemo(t, 'region_admin', 'opd_officer');
    if (!logins) return;
    const admin = await apiAs(logins.region_admin);
    const plan = await demoPlan(t, admin);
    if (!plan) return;
    const officer = await apiAs(logins.opd_officer);
    const own = (await officer('GET', `${plan}/programs`)).body.programs;
    if (!own.length) return t.skip('the demo OPD officer owns no program');
    const demo = (await admin('GET', `${plan}/progress/2026-Q1`)).body;
    const waiting = demo.items.find((i) => i.report?.check_state === 'diajukan');
    if (!waiting) return t.skip('no unchecked report in the demo period');
    // The officer reports the previous quarter (the overview's default period).
    const now = new Date();
    const q = Math.floor(now.getMonth() / 3); // the previous quarter's index 1..4, 0: last year's Q4
    const period = q === 0 ? `${now.getFullYear() - 1}-Q4` : `${now.getFullYear()}-Q${q}`;
    const mine = own[0];
    const put = await officer('PUT', `${plan}/programs/${mine.no}/progress/${period}`, {
      realisation: 30,
      budget_realised: 150000000,
      narrative: 'Pekerjaan pedestrian tahap pertama berjalan.',
    });
    if (put.status === 400) return t.skip(`the officer's program does not report in ${period}`);
    assert.equal(put.status, 200, JSON.stringify(put.body));

    const note = 'Lampirkan foto pekerjaan pedestrian sebagai bukti.';
    const { page, close } = await openPage('desktop');
    try {
      await signIn(page, logins.region_admin);
      await page.goto(`${server.base}/r/${REGION.slug}/masterplan/program`);
      const overview = page.getByTestId('progress-overview');
      await overview.waitFor();
      // The demo period: the waiting report is not checked yet; the admin marks it checked.
      await overview.locator('#po-period').selectOption('2026-Q1');
      const row = overview.locator(`[data-testid="period-reports"] tr[data-program="${waiting.program_no}"]`);
      await row.locator('[data-testid="check-state"][data-state="diajukan"]').waitFor();
      await overview.getByTestId('unchecked-count').waitFor();
      await row.getByRole('button', { name: 'Tandai diperiksa' }).click();
      await row.locator('[data-testid="check-state"][data-state="diperiksa"]').waitFor();
      const checked = (await admin('GET', `${plan}/programs/${waiting.program_no}/progress`)).body.periods.find((r) => r.period === '2026-Q1');
      assert.equal(checked.check_state, 'diperiksa');
      assert.ok(checked.checked_by && checked.checked_at);

      // The officer's report: returning it needs a note (shown next to the field).
      await overview.locator('#po-period').selectOption(period);
      const theirs = overview.locator(`[data-testid="period-reports"] tr[data-program="${mine.no}"]`);
      await theirs.locator('[data-testid="check-state"][data-state="diajukan"]').waitFor();
      await theirs.getByRole('button', { name: 'Kembalikan', exact: true }).click();
      await theirs.getByRole('button', { name: 'Kembalikan ke OPD' }).click();
      assert.equal(await theirs.locator(`#check-programs-${mine.no}-note-error`).textContent(), 'Wajib diisi.');
      await theirs.locator(`#check-programs-${mine.no}-note`).fill(note);
      await checkA11y(page, 'progress overview with a return note (desktop)');
      await shot(page, 'desktop-masterplan-check');
      await theirs.getByRole('button', { name: 'Kembalikan ke OPD' }).click();
      await theirs.locator('[data-testid="check-state"][data-state="dikembalikan"]').waitFor();
      const stored = (await officer('GET', `${plan}/programs/${mine.no}/progress`)).body.periods.find((r) => r.period === period);
      assert.deepEqual([stored.revision, stored.check_state, stored.check_note], [put.body.revision, 'dikembalikan', note]);

      // Semesters and years: the kind of period first, then the period named in words.
      const year = new Date().getFullYear();
      const answered = (name) => page.waitForResponse((r) => new URL(r.url()).pathname === `${plan}/progress/${name}` && r.status() === 200);
      const semester = answered(`${year}-S1`);
      await overview.locator('#po-kind').selectOption('semester');
      assert.equal(await overview.locator(`#po-period option[value="${year}-S1"]`).textContent(), `Semester 1 ${year}`);
      await overview.locator('#po-period').selectOption(`${year}-S1`);
      await semester;
      await overview.locator('[data-testid="period-reports"]').waitFor();
      const yearly = answered(String(year));
      await overview.locator('#po-kind').selectOption('year');
      await yearly;
      assert.equal(await overview.locator('#po-period').inputValue(), String(year));
      assert.equal(await overview.locator(`#po-period option[value="${year}"]`).textContent(), `Tahun ${year}`);
    } finally {
      await close();
    }

    const opd = await openPage('desktop');
    try {
      await signIn(opd.page, logins.opd_officer);
      await openMasterplan(opd.page);
      await opd.page.getByRole('heading', { level: 1, name: 'Program OPD saya' }).waitFor();
      const card = opd.page.locator(`[data-testid="opd-program"][data-program="${mine.no}"]`);
      const returned = card.locator(`[data-testid="returned-note"][data-returned-period="${period}"]`);
      await returned.waitFor();
      assert.match(await returned.textContent(), new RegExp(`Dikembalikan: ${note}`));
      await card.locator(`[data-period="${period}"] [data-testid="check-state"][data-state="dikembalikan"]`).waitFor();
      await checkA11y(opd.page, 'OPD programs with a returned report (desktop)');
      await shot(opd.page, 'desktop-masterplan-opd-returned');
    } finally {
      await opd.close();
    }
  });

  test("an OPD officer reports a quick win's progress with the milestones done", async (t) => {
    const logins = needDemo(t, 'region_admin');
    if (!logins) return;
    const admin = await apiAs(logins.region_admin);
    const plan = await demoPlan(t, admin);
    if (!plan) return;
    const qw = (await admin('GET', `${plan}/programs`)).body.quick_wins.find((q) => q.name === 'Kelas literasi digital di kelurahan');
    if (!qw || !qw.owner_opd_id || !qw.milestones) return t.skip('the demo has no owned quick win with milestones');
    // An officer of the quick win's OPD, added by the region admin.
    const who = { email: `qw-${Date.now()}@manado.id`, password: 'Sandi-Kuat-2026' };
    const added = await admin('POST', `/api/v1/regions/${REGION.slug}/users`, {
      name: 'Petugas Quick Win',
      email: who.email,
      password: who.password,
      role: 'opd_officer',
      opd_id: qw.owner_opd_id,
    });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    const { page, close } = await openPage('desktop');
    try {
      await signIn(page, who);
      await openMasterplan(page);
      const card = page.locator(`[data-testid="opd-quick-win"][data-quick-win="${qw.no}"]`);
      await card.getByRole('heading', { level: 3, name: qw.name }).waitFor();
      await card.getByText('Laporkan kemajuan quick win').click();
      const period = await card.locator(`#qwr-${qw.no}-period`).inputValue();
      await card.locator(`#qwr-${qw.no}-realisation`).fill('35');
      await card.locator(`#qwr-${qw.no}-budget_realised`).fill('Rp 20.000.000');
      await card.locator(`#qwr-${qw.no}-narrative`).fill('pendek');
      await card.getByRole('button', { name: 'Kirim laporan' }).click();
      await card.locator(`#qwr-${qw.no}-narrative-error`).waitFor();
      await card.locator(`#qwr-${qw.no}-milestone-0`).check();
      await card.locator(`#qwr-${qw.no}-narrative`).fill('Kelas pertama berjalan di empat kelurahan.');
      await card.getByRole('button', { name: 'Kirim laporan' }).click();
      await card.getByTestId('report-saved').waitFor();
      await card.locator(`[data-period="${period}"][data-state="reported"] [data-testid="check-state"][data-state="diajukan"]`).waitFor();
      await checkA11y(page, 'OPD quick wins after a report (desktop)');
      await shot(page, 'desktop-masterplan-opd-quick-win');
      const stored = (await admin('GET', `${plan}/quick-wins/${qw.no}/progress`)).body.periods.find((r) => r.period === period);
      const first = qw.milestones.split('\n').map((l) => l.trim()).filter(Boolean)[0];
      assert.deepEqual(
        [stored.realisation, stored.budget_realised, stored.milestones_done, stored.check_state],
        [35, 20000000, [first], 'diajukan'],
      );
    } finally {
      await close();
    }
  });
});
