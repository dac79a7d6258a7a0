-- Masterplan, issue 8 continued: the checked step of progress reports, and progress reports of
-- quick wins. Additive: existing reports become "diajukan" (submitted, not checked yet).

-- The check of a program report's current revision by the region admin or consultant:
-- "diajukan" (submitted), "diperiksa" (checked) or "dikembalikan" (returned to the owner OPD
-- with a note). A resubmission replaces the row and resets it to "diajukan"; every check is in
-- the audit log.
ALTER TABLE program_progress ADD COLUMN check_state TEXT NOT NULL DEFAULT 'diajukan'
  CHECK (check_state IN ('diajukan', 'diperiksa', 'dikembalikan'));
ALTER TABLE program_progress ADD COLUMN checked_by TEXT;
ALTER TABLE program_progress ADD COLUMN checked_at TEXT;
ALTER TABLE program_progress ADD COLUMN check_note TEXT NOT NULL DEFAULT '';

-- The current progress report of a quick win for one period, as program_progress: quick wins
-- are referred to by their plan-wide number (quick_wins.no). milestones_done is a JSON array
-- of the quick win's milestone lines done so far.
CREATE TABLE quick_win_progress (
  masterplan_id   INTEGER NOT NULL REFERENCES masterplans (id),
  quick_win_no    INTEGER NOT NULL,
  period          TEXT NOT NULL,
  period_start    TEXT NOT NULL,
  period_end      TEXT NOT NULL,
  revision        INTEGER NOT NULL CHECK (revision >= 1),
  owner_opd_id    INTEGER NOT NULL REFERENCES opds (id),
  realisation     INTEGER NOT NULL CHECK (realisation BETWEEN 0 AND 100),
  budget_realised INTEGER NOT NULL CHECK (budget_realised >= 0),
  milestones_done TEXT NOT NULL DEFAULT '[]',
  narrative       TEXT NOT NULL,
  evidence_url    TEXT NOT NULL DEFAULT '',
  submitted_by    TEXT NOT NULL,
  submitted_at    TEXT NOT NULL,
  check_state     TEXT NOT NULL DEFAULT 'diajukan'
                  CHECK (check_state IN ('diajukan', 'diperiksa', 'dikembalikan')),
  checked_by      TEXT,
  checked_at      TEXT,
  check_note      TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (masterplan_id, quick_win_no, period)
) STRICT;
-- The latest period of each quick win (summary refresh) without a sort.
CREATE INDEX quick_win_progress_latest ON quick_win_progress (masterplan_id, quick_win_no, period_end);

-- Every quick-win submission, append-only.
CREATE TABLE quick_win_progress_history (
  id              INTEGER PRIMARY KEY,
  masterplan_id   INTEGER NOT NULL REFERENCES masterplans (id),
  quick_win_no    INTEGER NOT NULL,
  period          TEXT NOT NULL,
  revision        INTEGER NOT NULL,
  owner_opd_id    INTEGER NOT NULL,
  realisation     INTEGER NOT NULL,
  budget_realised INTEGER NOT NULL,
  milestones_done TEXT NOT NULL,
  narrative       TEXT NOT NULL,
  evidence_url    TEXT NOT NULL,
  submitted_by    TEXT NOT NULL,
  submitted_at    TEXT NOT NULL,
  UNIQUE (masterplan_id, quick_win_no, period, revision)
) STRICT;
CREATE TRIGGER quick_win_progress_history_no_update BEFORE UPDATE ON quick_win_progress_history
BEGIN
  SELECT RAISE(ABORT, 'progress history is append-only');
END;
CREATE TRIGGER quick_win_progress_history_no_delete BEFORE DELETE ON quick_win_progress_history
BEGIN
  SELECT RAISE(ABORT, 'progress history is append-only');
END;
