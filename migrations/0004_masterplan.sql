-- Masterplan module, steps 1-2: the masterplan per region and period with versions and team,
-- and the four Bimtek stages with participants and their required outputs.

-- One masterplan per region and period (e.g. 2025-2034); periods of a region do not overlap
-- (checked by the service; the unique index catches a race on the same start year).
CREATE TABLE masterplans (
  id          INTEGER PRIMARY KEY,
  region_code TEXT NOT NULL REFERENCES regions (code),
  start_year  INTEGER NOT NULL CHECK (start_year BETWEEN 2000 AND 2100),
  end_year    INTEGER NOT NULL CHECK (end_year >= start_year),
  created_at  TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX masterplans_region_start ON masterplans (region_code, start_year);

-- Versions of a masterplan's content. Only the latest version may be edited, and only while it
-- is a draft; a published version is frozen (the triggers below refuse changes to it and to its
-- content), so edits after publication go to a new draft copied from it.
CREATE TABLE masterplan_versions (
  id            INTEGER PRIMARY KEY,
  masterplan_id INTEGER NOT NULL REFERENCES masterplans (id),
  number        INTEGER NOT NULL CHECK (number >= 1),
  status        TEXT NOT NULL CHECK (status IN ('draft', 'in_review', 'approved', 'published')),
  title         TEXT NOT NULL,
  summary       TEXT NOT NULL DEFAULT '',
  review_note   TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  published_at  TEXT,
  UNIQUE (masterplan_id, number)
) STRICT;

CREATE TRIGGER masterplan_versions_frozen BEFORE UPDATE ON masterplan_versions
WHEN OLD.status = 'published'
BEGIN
  SELECT RAISE(ABORT, 'published masterplan version is frozen');
END;
CREATE TRIGGER masterplan_versions_no_delete BEFORE DELETE ON masterplan_versions
BEGIN
  SELECT RAISE(ABORT, 'masterplan versions are never deleted');
END;

-- The team of a version: Dewan Smart City, Tim Pelaksana, Forum Smart City.
CREATE TABLE masterplan_team (
  id         INTEGER PRIMARY KEY,
  version_id INTEGER NOT NULL REFERENCES masterplan_versions (id),
  body       TEXT NOT NULL CHECK (body IN ('dewan', 'tim_pelaksana', 'forum')),
  name       TEXT NOT NULL,
  role       TEXT NOT NULL,
  opd_id     INTEGER REFERENCES opds (id),
  position   INTEGER NOT NULL
) STRICT;
CREATE INDEX masterplan_team_version ON masterplan_team (version_id, position);

CREATE TRIGGER masterplan_team_frozen_insert BEFORE INSERT ON masterplan_team
WHEN (SELECT status FROM masterplan_versions WHERE id = NEW.version_id) <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'only a draft masterplan version can be changed');
END;
CREATE TRIGGER masterplan_team_frozen_update BEFORE UPDATE ON masterplan_team
WHEN (SELECT status FROM masterplan_versions WHERE id = OLD.version_id) <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'only a draft masterplan version can be changed');
END;
CREATE TRIGGER masterplan_team_frozen_delete BEFORE DELETE ON masterplan_team
WHEN (SELECT status FROM masterplan_versions WHERE id = OLD.version_id) <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'only a draft masterplan version can be changed');
END;

-- Bimtek stages I-IV of a masterplan (process, not plan content: not versioned). A row exists
-- for each of the four stages from the masterplan's creation.
CREATE TABLE bimtek_stages (
  masterplan_id INTEGER NOT NULL REFERENCES masterplans (id),
  stage         INTEGER NOT NULL CHECK (stage BETWEEN 1 AND 4),
  start_date    TEXT,
  end_date      TEXT,
  place         TEXT NOT NULL DEFAULT '',
  facilitator   TEXT NOT NULL DEFAULT '',
  completed_at  TEXT,
  completed_by  TEXT,
  PRIMARY KEY (masterplan_id, stage)
) STRICT;

-- Participants: a user of the platform or a named person, with OPD/kecamatan/kelurahan.
CREATE TABLE bimtek_participants (
  id             INTEGER PRIMARY KEY,
  masterplan_id  INTEGER NOT NULL,
  stage          INTEGER NOT NULL,
  name           TEXT NOT NULL,
  user_id        INTEGER,
  opd_id         INTEGER REFERENCES opds (id),
  area_code      TEXT REFERENCES areas (code),
  role           TEXT NOT NULL DEFAULT '',
  attended       INTEGER NOT NULL DEFAULT 0 CHECK (attended IN (0, 1)),
  FOREIGN KEY (masterplan_id, stage) REFERENCES bimtek_stages (masterplan_id, stage)
) STRICT;
CREATE INDEX bimtek_participants_stage ON bimtek_participants (masterplan_id, stage, id);

-- Required outputs recorded for a stage (a document or link per output key, bimtek.h).
CREATE TABLE bimtek_outputs (
  masterplan_id INTEGER NOT NULL,
  stage         INTEGER NOT NULL,
  output        TEXT NOT NULL,
  title         TEXT NOT NULL,
  reference     TEXT NOT NULL,
  recorded_by   TEXT NOT NULL,
  recorded_at   TEXT NOT NULL,
  PRIMARY KEY (masterplan_id, stage, output),
  FOREIGN KEY (masterplan_id, stage) REFERENCES bimtek_stages (masterplan_id, stage)
) STRICT;

-- Step 3: readiness (stage I) and maturity (stage II), content of a version like the team.
CREATE TABLE readiness_scores (
  version_id    INTEGER NOT NULL REFERENCES masterplan_versions (id),
  dimension     TEXT NOT NULL,
  aspect        TEXT NOT NULL,
  sub_aspect    TEXT NOT NULL,
  score         INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
  justification TEXT NOT NULL,
  PRIMARY KEY (version_id, dimension, aspect, sub_aspect)
) STRICT;

CREATE TABLE swot_items (
  version_id INTEGER NOT NULL REFERENCES masterplan_versions (id),
  no         INTEGER NOT NULL,
  dimension  TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('strength', 'weakness', 'opportunity', 'threat')),
  text       TEXT NOT NULL,
  PRIMARY KEY (version_id, no)
) STRICT;

CREATE TABLE maturity_levels (
  version_id INTEGER NOT NULL REFERENCES masterplan_versions (id),
  dimension  TEXT NOT NULL,
  element    TEXT NOT NULL,
  level      INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
  evidence   TEXT NOT NULL,
  PRIMARY KEY (version_id, dimension, element)
) STRICT;

CREATE TABLE dimension_directions (
  version_id INTEGER NOT NULL REFERENCES masterplan_versions (id),
  dimension  TEXT NOT NULL,
  vision     TEXT NOT NULL DEFAULT '',
  mission    TEXT NOT NULL DEFAULT '',
  focus      TEXT NOT NULL DEFAULT '',
  goals      TEXT NOT NULL DEFAULT '',
  targets    TEXT NOT NULL DEFAULT '',
  problems   TEXT NOT NULL DEFAULT '',
  strategies TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (version_id, dimension)
) STRICT;

CREATE TRIGGER readiness_scores_frozen_insert BEFORE INSERT ON readiness_scores
WHEN (SELECT status FROM masterplan_versions WHERE id = NEW.version_id) <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'only a draft masterplan version can be changed');
END;
CREATE TRIGGER readiness_scores_frozen_update BEFORE UPDATE ON readiness_scores
WHEN (SELECT status FROM masterplan_versions WHERE id = OLD.version_id) <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'only a draft masterplan version can be changed');
END;
CREATE TRIGGER readiness_scores_frozen_delete BEFORE DELETE ON readiness_scores
WHEN (SELECT status FROM masterplan_versions WHERE id = OLD.version_id) <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'only a draft masterplan version can be changed');
END;
CREATE TRIGGER swot_items_frozen_insert BEFORE INSERT ON swot_items
WHEN (SELECT status FROM masterplan_versions WHERE id = NEW.version_id) <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'only a draft masterplan version can be changed');
END;
CREATE TRIGGER swot_items_frozen_update BEFORE UPDATE ON swot_items
WHEN (SELECT status FROM masterplan_versions WHERE id = OLD.version_id) <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'only a draft masterplan version can be changed');
END;
CREATE TRIGGER swot_items_frozen_delete BEFORE DELETE ON swot_items
WHEN (SELECT status FROM masterplan_versions WHERE id = OLD.version_id) <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'only a draft masterplan version can be changed');
END;
CREATE TRIGGER maturity_levels_frozen_insert BEFORE INSERT ON maturity_levels
WHEN (SELECT status FROM masterplan_versions WHERE id = NEW.version_id) <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'only a draft masterplan version can be changed');
END;
CREATE TRIGGER maturity_levels_frozen_update BEFORE UPDATE ON maturity_levels
WHEN (SELECT status FROM masterplan_versions WHERE id = OLD.version_id) <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'only a draft masterplan version can be changed');
END;
CREATE TRIGGER maturity_levels_frozen_delete BEFORE DELETE ON maturity_levels
WHEN (SELECT status FROM masterplan_versions WHERE id = OLD.version_id) <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'only a draft masterplan version can be changed');
END;
CREATE TRIGGER dimension_directions_frozen_insert BEFORE INSERT ON dimension_directions
WHEN (SELECT status FROM masterplan_versions WHERE id = NEW.version_id) <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'only a draft masterplan version can be changed');
END;
CREATE TRIGGER dimension_directions_frozen_update BEFORE UPDATE ON dimension_directions
WHEN (SELECT status FROM masterplan_versions WHERE id = OLD.version_id) <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'only a draft masterplan version can be changed');
END;
CREATE TRIGGER dimension_directions_frozen_delete BEFORE DELETE ON dimension_directions
WHEN (SELECT status FROM masterplan_versions WHERE id = OLD.version_id) <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'only a draft masterplan version can be changed');
END;

-- Step 4: programs (rencana aksi) and quick wins, content of a version. "no" is stable across
-- versions of a plan (progress reports will refer to it).
CREATE TABLE programs (
  version_id   INTEGER NOT NULL REFERENCES masterplan_versions (id),
  no           INTEGER NOT NULL,
  dimension    TEXT NOT NULL,
  element      TEXT NOT NULL,
  name         TEXT NOT NULL,
  description  TEXT NOT NULL DEFAULT '',
  owner_opd_id INTEGER NOT NULL REFERENCES opds (id),
  horizon      TEXT NOT NULL CHECK (horizon IN ('pendek', 'menengah', 'panjang')),
  start_year   INTEGER NOT NULL,
  end_year     INTEGER NOT NULL CHECK (end_year >= start_year),
  location     TEXT REFERENCES areas (code),
  refs         TEXT NOT NULL DEFAULT '',
  status       TEXT NOT NULL CHECK (status IN ('planned', 'ongoing', 'done', 'cancelled')),
  -- supporting OPD ids, budget lines and KPIs as JSON arrays validated by the service
  -- (program.h); budgets are summed with json_each where needed.
  supporting   TEXT NOT NULL DEFAULT '[]',
  budget       TEXT NOT NULL DEFAULT '[]',
  kpis         TEXT NOT NULL DEFAULT '[]',
  PRIMARY KEY (version_id, no)
) STRICT;
CREATE INDEX programs_owner ON programs (owner_opd_id);

CREATE TABLE quick_wins (
  version_id   INTEGER NOT NULL REFERENCES masterplan_versions (id),
  no           INTEGER NOT NULL,
  dimension    TEXT NOT NULL,
  name         TEXT NOT NULL,
  description  TEXT NOT NULL DEFAULT '',
  state        TEXT NOT NULL CHECK (state IN ('candidate', 'selected', 'final', 'rejected')),
  reason       TEXT NOT NULL DEFAULT '',
  owner_opd_id INTEGER REFERENCES opds (id),
  start_date   TEXT,
  end_date     TEXT,
  budget       INTEGER NOT NULL DEFAULT 0 CHECK (budget >= 0),
  milestones   TEXT NOT NULL DEFAULT '',
  progress     INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  PRIMARY KEY (version_id, no)
) STRICT;
CREATE TRIGGER programs_frozen_insert BEFORE INSERT ON programs
WHEN (SELECT status FROM masterplan_versions WHERE id = NEW.version_id) <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'only a draft masterplan version can be changed');
END;
CREATE TRIGGER programs_frozen_update BEFORE UPDATE ON programs
WHEN (SELECT status FROM masterplan_versions WHERE id = OLD.version_id) <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'only a draft masterplan version can be changed');
END;
CREATE TRIGGER programs_frozen_delete BEFORE DELETE ON programs
WHEN (SELECT status FROM masterplan_versions WHERE id = OLD.version_id) <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'only a draft masterplan version can be changed');
END;
CREATE TRIGGER quick_wins_frozen_insert BEFORE INSERT ON quick_wins
WHEN (SELECT status FROM masterplan_versions WHERE id = NEW.version_id) <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'only a draft masterplan version can be changed');
END;
CREATE TRIGGER quick_wins_frozen_update BEFORE UPDATE ON quick_wins
WHEN (SELECT status FROM masterplan_versions WHERE id = OLD.version_id) <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'only a draft masterplan version can be changed');
END;
CREATE TRIGGER quick_wins_frozen_delete BEFORE DELETE ON quick_wins
WHEN (SELECT status FROM masterplan_versions WHERE id = OLD.version_id) <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'only a draft masterplan version can be changed');
END;

-- Step 5: evaluation rounds (monev; weights per round, whole percent summing to 100) and the
-- scores of each region per round, in total (dimension '') and per dimension. Scores and the
-- weighted index are hundredths (331 = 3,31); the index is recomputed when weights change.
CREATE TABLE evaluation_rounds (
  id          INTEGER PRIMARY KEY,
  year        INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  round       INTEGER NOT NULL CHECK (round IN (1, 2)),
  w_baseline  INTEGER NOT NULL,
  w_output    INTEGER NOT NULL,
  w_outcome   INTEGER NOT NULL,
  w_impact    INTEGER NOT NULL,
  w_quick_win INTEGER NOT NULL,
  created_at  TEXT NOT NULL,
  CHECK (w_baseline + w_output + w_outcome + w_impact + w_quick_win = 100),
  UNIQUE (year, round)
) STRICT;

CREATE TABLE evaluations (
  round_id     INTEGER NOT NULL REFERENCES evaluation_rounds (id),
  region_code  TEXT NOT NULL REFERENCES regions (code),
  dimension    TEXT NOT NULL,
  baseline     INTEGER NOT NULL CHECK (baseline BETWEEN 100 AND 500),
  output       INTEGER NOT NULL CHECK (output BETWEEN 100 AND 500),
  outcome      INTEGER NOT NULL CHECK (outcome BETWEEN 100 AND 500),
  impact       INTEGER NOT NULL CHECK (impact BETWEEN 100 AND 500),
  quick_win    INTEGER NOT NULL CHECK (quick_win BETWEEN 100 AND 500),
  idx          INTEGER NOT NULL,
  evaluated_by TEXT NOT NULL,
  evaluated_at TEXT NOT NULL,
  PRIMARY KEY (round_id, region_code, dimension)
) STRICT;
CREATE INDEX evaluations_region ON evaluations (region_code, dimension, round_id);
