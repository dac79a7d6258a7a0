-- Masterplan, issue 8 continued: progress reports per program and period, and the national
-- summary row of each region.

-- The current progress report of a program for one period (quarter "2026-Q1" or month
-- "2026-03"). Programs are referred to by their plan-wide number (programs.no), which is stable
-- across versions. A new submission for the same period replaces the row here and appends to
-- program_progress_history, so the current figures are one indexed lookup and nothing is lost.
CREATE TABLE program_progress (
  masterplan_id   INTEGER NOT NULL REFERENCES masterplans (id),
  program_no      INTEGER NOT NULL,
  period          TEXT NOT NULL,
  period_start    TEXT NOT NULL,  -- YYYY-MM-DD, first day of the period
  period_end      TEXT NOT NULL,  -- YYYY-MM-DD, last day of the period (orders the periods)
  revision        INTEGER NOT NULL CHECK (revision >= 1),
  owner_opd_id    INTEGER NOT NULL REFERENCES opds (id),
  realisation     INTEGER NOT NULL CHECK (realisation BETWEEN 0 AND 100),  -- percent done
  budget_realised INTEGER NOT NULL CHECK (budget_realised >= 0),          -- rupiah spent in the period
  kpi_actuals     TEXT NOT NULL DEFAULT '[]',                              -- [{"name","value"}]
  narrative       TEXT NOT NULL,
  evidence_url    TEXT NOT NULL DEFAULT '',
  submitted_by    TEXT NOT NULL,
  submitted_at    TEXT NOT NULL,
  PRIMARY KEY (masterplan_id, program_no, period)
) STRICT;
-- The latest period of each program (summary refresh) without a sort.
CREATE INDEX program_progress_latest ON program_progress (masterplan_id, program_no, period_end);

-- Every submission, append-only: the history of a program's reports.
CREATE TABLE program_progress_history (
  id              INTEGER PRIMARY KEY,
  masterplan_id   INTEGER NOT NULL REFERENCES masterplans (id),
  program_no      INTEGER NOT NULL,
  period          TEXT NOT NULL,
  revision        INTEGER NOT NULL,
  owner_opd_id    INTEGER NOT NULL,
  realisation     INTEGER NOT NULL,
  budget_realised INTEGER NOT NULL,
  kpi_actuals     TEXT NOT NULL,
  narrative       TEXT NOT NULL,
  evidence_url    TEXT NOT NULL,
  submitted_by    TEXT NOT NULL,
  submitted_at    TEXT NOT NULL,
  UNIQUE (masterplan_id, program_no, period, revision)
) STRICT;
CREATE TRIGGER program_progress_history_no_update BEFORE UPDATE ON program_progress_history
BEGIN
  SELECT RAISE(ABORT, 'progress history is append-only');
END;
CREATE TRIGGER program_progress_history_no_delete BEFORE DELETE ON program_progress_history
BEGIN
  SELECT RAISE(ABORT, 'progress history is append-only');
END;

-- One row per region with a masterplan: what the national view shows, maintained in the same
-- write as every masterplan, Bimtek, evaluation or progress change of the region (the write
-- recomputes the row from the region's own data), so the national summary of 500 regions is a
-- scan of 500 small rows instead of an aggregate over millions. Averages and the index are
-- hundredths (331 = 3,31); progress is hundredths of a percent.
CREATE TABLE masterplan_region_summary (
  region_code        TEXT PRIMARY KEY REFERENCES regions (code),
  masterplan_id      INTEGER NOT NULL REFERENCES masterplans (id),
  start_year         INTEGER NOT NULL,
  end_year           INTEGER NOT NULL,
  stages_completed   INTEGER NOT NULL CHECK (stages_completed BETWEEN 0 AND 4),
  version_number     INTEGER NOT NULL,
  version_status     TEXT NOT NULL,
  readiness_avg      INTEGER,
  maturity_avg       INTEGER,
  eval_index         INTEGER,
  eval_previous      INTEGER,
  eval_round         TEXT,
  programs           INTEGER NOT NULL,
  budget_planned     INTEGER NOT NULL,
  budget_realised    INTEGER NOT NULL,
  progress           INTEGER NOT NULL,
  quick_wins_final   INTEGER NOT NULL,
  quick_win_progress INTEGER NOT NULL,
  latest_period      TEXT,
  updated_at         TEXT NOT NULL
) STRICT;
