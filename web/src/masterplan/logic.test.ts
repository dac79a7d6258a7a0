import { describe, expect, it } from 'vitest';
import {
  checkStateOf,
  checkToBody,
  completableStage,
  decimalInput,
  defaultPeriod,
  emptyProgramForm,
  fieldDomId,
  formToBody,
  formYears,
  milestoneLines,
  mpPath,
  parseDecimal,
  parseRupiah,
  periodKindOf,
  periodLabel,
  periodRows,
  programToForm,
  progressToBody,
  progressToForm,
  quickWinProgressToBody,
  quickWinProgressToForm,
  quickWinYears,
  recentPeriods,
  recentQuarters,
  returnedRows,
} from './logic';
import type { Program, ProgressReport, QuickWinReport, Stage } from './mpApi';

describe('parseRupiah', () => {
  it.each([
    ['1.250.000', 1250000],
    ['Rp 1.250.000', 1250000],
    ['Rp1.250.000', 1250000],
    ['1,250,000', 1250000],
    ['1 250 000', 1250000],
    ['0', 0],
    ['-5000000', -5000000],
    ['  750000 ', 750000],
  ])('%s -> %d', (text, n) => expect(parseRupiah(text)).toBe(n));
  it.each(['', 'Rp', 'satu juta', '12a', '1.5e6', '--1'])('refuses %j', (text) => expect(parseRupiah(text)).toBeNull());
});

describe('parseDecimal', () => {
  it('reads Indonesian decimals and grouping', () => {
    expect(parseDecimal('12,5', 'id')).toBe(12.5);
    expect(parseDecimal('1.250,75', 'id')).toBe(1250.75);
    expect(parseDecimal('1.500', 'id')).toBe(1500);
    expect(parseDecimal('12.5', 'id')).toBe(12.5); // not a thousands group: a decimal point
    expect(parseDecimal('80', 'id')).toBe(80);
  });
  it('reads English decimals and grouping', () => {
    expect(parseDecimal('12.5', 'en')).toBe(12.5);
    expect(parseDecimal('1,250.75', 'en')).toBe(1250.75);
    expect(parseDecimal('1,500', 'en')).toBe(1500);
    expect(parseDecimal('-3', 'en')).toBe(-3);
  });
  it('refuses what is not a number', () => {
    for (const t of ['', 'abc', '1,2,3', '12%']) expect(parseDecimal(t, 'id')).toBeNull();
  });
  it('round-trips with decimalInput', () => {
    expect(decimalInput(34.666666, 'id')).toBe('34,67');
    expect(decimalInput(34.666666, 'en')).toBe('34.67');
    expect(parseDecimal(decimalInput(57.33, 'id'), 'id')).toBe(57.33);
  });
});

describe('fieldDomId', () => {
  it('turns server field names into element ids', () => {
    expect(fieldDomId('name')).toBe('pf-name');
    expect(fieldDomId('owner_opd_id')).toBe('pf-owner-opd-id');
    expect(fieldDomId('budget[0].amount')).toBe('pf-budget-0-amount');
    expect(fieldDomId('kpis[1].targets.2027')).toBe('pf-kpis-1-targets-2027');
  });
});

const PROGRAM: Program = {
  no: 4,
  dimension: 'branding',
  element: 'wajah_kota',
  name: 'Penataan Kawasan Boulevard',
  description: 'Pedestrian dan wifi publik.',
  owner_opd_id: 4,
  supporting_opd_ids: [14],
  horizon: 'menengah',
  start_year: 2026,
  end_year: 2028,
  location_code: null,
  references: 'RPJMD',
  status: 'planned',
  budget: [
    { year: 2026, source: 'APBD', amount: 3500000000 },
    { year: 2027, source: 'DAK', amount: 1250000 },
  ],
  budget_total: 3501250000,
  kpis: [{ name: 'Titik wifi', unit: 'titik', baseline: 2, targets: { '2026': 10, '2027': 34.666666666666664 } }],
};

describe('program form', () => {
  it('round-trips a program through the form in both languages', () => {
    for (const lang of ['id', 'en'] as const) {
      const { body, errors } = formToBody(programToForm(PROGRAM, lang), lang);
      expect(errors).toEqual({});
      expect(body).toEqual({
        dimension: 'branding',
        element: 'wajah_kota',
        name: 'Penataan Kawasan Boulevard',
        description: 'Pedestrian dan wifi publik.',
        owner_opd_id: 4,
        supporting_opd_ids: [14],
        horizon: 'menengah',
        start_year: 2026,
        end_year: 2028,
        status: 'planned',
        references: 'RPJMD',
        budget: PROGRAM.budget,
        kpis: [{ name: 'Titik wifi', unit: 'titik', baseline: 2, targets: { '2026': 10, '2027': 34.67 } }],
      });
    }
  });
  it('shows rupiah grouped in the form', () => {
    expect(programToForm(PROGRAM, 'id').budget[0]?.amount).toBe('3.500.000.000');
    expect(programToForm(PROGRAM, 'en').budget[0]?.amount).toBe('3,500,000,000');
  });
  it('sends a negative budget for the server to judge', () => {
    const form = { ...emptyProgramForm(2026), budget: [{ year: '2026', source: 'APBD', amount: '-5.000.000' }] };
    const { body } = formToBody(form, 'id');
    expect(body?.budget).toEqual([{ year: 2026, source: 'APBD', amount: -5000000 }]);
    expect(body?.owner_opd_id).toBe(0);
  });
  it('names the fields whose text is not a number, with the server field names', () => {
    const form = {
      ...emptyProgramForm(2026),
      start_year: 'dua ribu',
      budget: [{ year: '2026', source: 'APBD', amount: 'sejuta' }, { year: '', source: 'APBN', amount: '' }],
      kpis: [{ name: 'x', unit: '%', baseline: '', targets: { '2026': 'banyak', '2027': '' } }],
    };
    expect(formToBody(form, 'id')).toEqual({
      body: null,
      errors: {
        start_year: 'number',
        'budget[0].amount': 'rupiah',
        'budget[1].year': 'required',
        'budget[1].amount': 'required',
        'kpis[0].baseline': 'required',
        'kpis[0].targets.2026': 'number',
      },
    });
  });
  it('drops empty targets and a supporting OPD that is the owner', () => {
    const form = {
      ...programToForm(PROGRAM, 'id'),
      owner_opd_id: '14',
      kpis: [{ name: 'k', unit: 'u', baseline: '1', targets: { '2026': '', '2027': '3' } }],
    };
    const { body } = formToBody(form, 'id');
    expect(body?.supporting_opd_ids).toEqual([]);
    expect(body?.kpis[0]?.targets).toEqual({ '2027': 3 });
  });
  it('lists the program years for targets', () => {
    expect(formYears({ start_year: '2026', end_year: '2028' })).toEqual([2026, 2027, 2028]);
    expect(formYears({ start_year: '2028', end_year: '2026' })).toEqual([]);
    expect(formYears({ start_year: '', end_year: '2026' })).toEqual([]);
  });
});

const report = (period: string, realisation = 10): ProgressReport => ({
  program_no: 4,
  period,
  revision: 1,
  owner_opd_id: 4,
  realisation,
  budget_realised: 1000,
  kpi_actuals: [],
  narrative: 'Berjalan sesuai rencana.',
  evidence_url: '',
  submitted_by: 'x',
  submitted_at: '2026-04-02T00:00:00Z',
  check_state: 'diajukan',
  checked_by: null,
  checked_at: null,
  check_note: '',
});

describe('periodRows', () => {
  const today = new Date(2026, 10, 26); // 26 November 2026: Q4 is running
  it('marks past quarters without a report late and the running one open', () => {
    const rows = periodRows(PROGRAM, [report('2026-Q1', 35)], today);
    expect(rows.map((r) => [r.period, r.state])).toEqual([
      ['2026-Q4', 'open'],
      ['2026-Q3', 'late'],
      ['2026-Q2', 'late'],
      ['2026-Q1', 'reported'],
    ]);
    expect(defaultPeriod(rows)).toBe('2026-Q3');
  });
  it('starts with the program and stops at its end', () => {
    expect(periodRows({ start_year: 2027, end_year: 2028 }, [], today)).toEqual([]);
    const rows = periodRows({ start_year: 2025, end_year: 2025 }, [], today);
    expect(rows.map((r) => r.period)).toEqual(['2025-Q4', '2025-Q3', '2025-Q2', '2025-Q1']);
    expect(rows.every((r) => r.state === 'late')).toBe(true);
  });
  it('follows a program that reports monthly', () => {
    const rows = periodRows(PROGRAM, [report('2026-10')], today);
    expect(rows[0]).toMatchObject({ period: '2026-11', state: 'open' });
    expect(rows[1]).toMatchObject({ period: '2026-10', state: 'reported' });
    expect(rows).toHaveLength(11);
  });
  it('defaults to the open period when nothing is late', () => {
    const rows = periodRows(PROGRAM, ['2026-Q1', '2026-Q2', '2026-Q3'].map((p) => report(p)), today);
    expect(defaultPeriod(rows)).toBe('2026-Q4');
    expect(defaultPeriod([])).toBeNull();
  });
  it('lists recent quarters across a year', () => {
    expect(recentQuarters(new Date(2026, 1, 3))).toEqual(['2026-Q1', '2025-Q4', '2025-Q3', '2025-Q2']);
  });
  it('follows a program that reports per semester: the first half is late, the second open', () => {
    const none = periodRows(PROGRAM, [], today, 'semester');
    expect(none.map((r) => [r.period, r.state])).toEqual([
      ['2026-S2', 'open'],
      ['2026-S1', 'late'],
    ]);
    expect(defaultPeriod(none)).toBe('2026-S1');
    const s1 = periodRows(PROGRAM, [report('2026-S1', 40)], today); // the reports' kind wins
    expect(s1.map((r) => [r.period, r.state])).toEqual([
      ['2026-S2', 'open'],
      ['2026-S1', 'reported'],
    ]);
    // 1 July: the first semester has ended, the second has begun.
    expect(periodRows(PROGRAM, [], new Date(2026, 6, 1), 'semester')[1]).toMatchObject({ period: '2026-S1', state: 'late' });
    expect(periodRows(PROGRAM, [], new Date(2026, 5, 30), 'semester')).toEqual([{ period: '2026-S1', state: 'open', report: null }]);
  });
  it('follows a program that reports per year: past years late, the running one open', () => {
    const rows = periodRows({ start_year: 2024, end_year: 2030 }, [report('2025', 30)], today, 'quarter');
    expect(rows.map((r) => [r.period, r.state])).toEqual([
      ['2026', 'open'],
      ['2025', 'reported'],
      ['2024', 'late'],
    ]);
    expect(defaultPeriod(rows)).toBe('2024');
  });
  it('lists recent semesters and years', () => {
    expect(recentPeriods(new Date(2026, 1, 3), 'semester')).toEqual(['2026-S1', '2025-S2', '2025-S1', '2024-S2']);
    expect(recentPeriods(new Date(2026, 7, 3), 'semester', 2)).toEqual(['2026-S2', '2026-S1']);
    expect(recentPeriods(new Date(2026, 7, 3), 'year', 3)).toEqual(['2026', '2025', '2024']);
    expect(recentPeriods(new Date(2026, 7, 3), 'month', 2)).toEqual(['2026-08', '2026-07']);
  });
});

describe('period names', () => {
  it('knows the four kinds the server accepts, upper case only', () => {
    expect(['2026-Q1', '2026-S2', '2026', '2026-03'].map(periodKindOf)).toEqual(['quarter', 'semester', 'year', 'month']);
    for (const bad of ['2026-S0', '2026-S3', '2026-Q5', '2026-s1', '2026-13', '26', '2026-Q']) {
      expect(periodKindOf(bad)).toBeNull();
    }
  });
  it('labels semesters and years in words, quarters and months as named', () => {
    expect(periodLabel('2026-S1')).toBe('Semester 1 2026');
    expect(periodLabel('2026')).toBe('Tahun 2026');
    expect(periodLabel('2026', 'en')).toBe('Year 2026');
    expect(periodLabel('2026-Q1')).toBe('2026-Q1');
    expect(periodLabel('2026-03')).toBe('2026-03');
  });
});

describe('progress report form', () => {
  it('builds the body, leaving out empty KPI actuals and the empty link', () => {
    const f = { realisation: '40', budget_realised: 'Rp 250.000.000', narrative: ' Pekerjaan fisik dimulai. ', evidence_url: '', kpis: { 'Titik wifi': '4,5', Lain: '' } };
    expect(progressToBody(f, 'id')).toEqual({
      body: { realisation: 40, budget_realised: 250000000, narrative: 'Pekerjaan fisik dimulai.', kpi_actuals: [{ name: 'Titik wifi', value: 4.5 }] },
      errors: {},
    });
  });
  it('names what is not a number', () => {
    const f = { realisation: 'separuh', budget_realised: '', narrative: '', evidence_url: '', kpis: { 'Titik wifi': 'empat' } };
    expect(progressToBody(f, 'id').errors).toEqual({ realisation: 'number', budget_realised: 'required', 'kpi:Titik wifi': 'number' });
  });
  it('fills the form from a stored report', () => {
    const r = { ...report('2026-Q1', 35), budget_realised: 105000000, kpi_actuals: [{ name: 'Titik wifi', value: 17.95 }] };
    expect(progressToForm(r, 'id')).toMatchObject({ realisation: '35', budget_realised: '105.000.000', kpis: { 'Titik wifi': '17,95' } });
  });
});

describe('stages and paths', () => {
  const stage = (n: number, completed: boolean) => ({ stage: n, completed }) as Stage;
  it('offers the first open stage', () => {
    expect(completableStage([stage(2, true), stage(1, true), stage(3, false), stage(4, false)])).toBe(3);
    expect(completableStage([stage(1, true)])).toBeNull();
  });
  it('builds the addresses router.ts matches', () => {
    expect(mpPath('manado')).toBe('/r/manado/masterplan');
    expect(mpPath('manado', 'program', 'baru')).toBe('/r/manado/masterplan/program/baru');
    expect(mpPath('manado', 'kesiapan')).toBe('/r/manado/masterplan/kesiapan');
  });
});

describe('report checks', () => {
  const today = new Date(2026, 10, 26);
  it('lists the returned reports an OPD must resubmit', () => {
    const rows = periodRows({ start_year: 2026, end_year: 2027 }, [
      { ...report('2026-Q1'), check_state: 'diperiksa' as const },
      { ...report('2026-Q2'), check_state: 'dikembalikan' as const, check_note: 'Foto kurang.' },
      report('2026-Q3'),
    ], today);
    expect(returnedRows(rows).map((r) => [r.period, r.report?.check_note])).toEqual([['2026-Q2', 'Foto kurang.']]);
    expect(checkStateOf(null)).toBeNull();
    expect(checkStateOf(rows.find((r) => r.period === '2026-Q3')!.report)).toBe('diajukan');
  });
  it('requires a note to return a report and trims it', () => {
    expect(checkToBody(2, 'dikembalikan', '  \n')).toEqual({ body: null, errors: { note: 'required' } });
    expect(checkToBody(2, 'dikembalikan', ' Bukti kurang. ')).toEqual({
      body: { revision: 2, state: 'dikembalikan', note: 'Bukti kurang.' },
      errors: {},
    });
    expect(checkToBody(1, 'diperiksa', '')).toEqual({ body: { revision: 1, state: 'diperiksa' }, errors: {} });
  });
});

describe('quick-win progress', () => {
  it('reads milestones as the server does', () => {
    expect(milestoneLines('Rancangan\n  Uji coba \n\nPeluncuran\n')).toEqual(['Rancangan', 'Uji coba', 'Peluncuran']);
    expect(milestoneLines('')).toEqual([]);
  });
  it('reports in the years of its dates, else the plan years', () => {
    expect(quickWinYears({ start_date: '2026-03-01', end_date: '2027-02-28' }, 2025, 2034)).toEqual({ start_year: 2026, end_year: 2027 });
    expect(quickWinYears({ start_date: null, end_date: null }, 2025, 2034)).toEqual({ start_year: 2025, end_year: 2034 });
  });
  it('builds the body with the milestones done and names bad numbers', () => {
    const f = { realisation: '60', budget_realised: 'Rp 45.000.000', narrative: ' Uji coba di dua kelurahan. ', evidence_url: ' ', milestones_done: ['Rancangan'] };
    expect(quickWinProgressToBody(f, 'id')).toEqual({
      body: { realisation: 60, budget_realised: 45000000, narrative: 'Uji coba di dua kelurahan.', milestones_done: ['Rancangan'] },
      errors: {},
    });
    expect(quickWinProgressToBody({ ...f, realisation: 'banyak', budget_realised: '' }, 'id')).toEqual({
      body: null,
      errors: { realisation: 'number', budget_realised: 'required' },
    });
  });
  it('fills the form from a stored report', () => {
    const r = {
      quick_win_no: 1,
      period: '2026-Q1',
      revision: 1,
      owner_opd_id: 1,
      realisation: 60,
      budget_realised: 45000000,
      milestones_done: ['Rancangan'],
      narrative: 'Berjalan.',
      evidence_url: 'https://x.id/b.pdf',
      submitted_by: 'user:1',
      submitted_at: '2026-04-02T00:00:00Z',
      check_state: 'diajukan',
      checked_by: null,
      checked_at: null,
      check_note: '',
    } satisfies QuickWinReport;
    expect(quickWinProgressToForm(r, 'id')).toEqual({
      realisation: '60',
      budget_realised: '45.000.000',
      narrative: 'Berjalan.',
      evidence_url: 'https://x.id/b.pdf',
      milestones_done: ['Rancangan'],
    });
  });
});
