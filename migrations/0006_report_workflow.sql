-- Reports workflow: SLA clocks and escalation, merging, support and rating on the report row;
-- the timeline (status moves, officer notes, reassignment, escalation), followers, supporters
-- and moderated comments beside it.

-- SLA deadlines are set when the report is filed (working hours of the region, category SLA);
-- responded_at is the first move out of diterima, resolved_at the last move to selesai.
-- escalated_*_at: when the overdue clock was escalated to the region admin (once per clock).
ALTER TABLE reports ADD COLUMN response_due TEXT;
ALTER TABLE reports ADD COLUMN resolve_due TEXT;
ALTER TABLE reports ADD COLUMN responded_at TEXT;
ALTER TABLE reports ADD COLUMN resolved_at TEXT;
ALTER TABLE reports ADD COLUMN escalated_response_at TEXT;
ALTER TABLE reports ADD COLUMN escalated_resolve_at TEXT;
ALTER TABLE reports ADD COLUMN merged_into INTEGER REFERENCES reports (id);
ALTER TABLE reports ADD COLUMN supporters INTEGER NOT NULL DEFAULT 0 CHECK (supporters >= 0);
ALTER TABLE reports ADD COLUMN rating INTEGER CHECK (rating BETWEEN 1 AND 5);
ALTER TABLE reports ADD COLUMN rating_text TEXT;

-- The escalation sweep reads only reports whose clock is still running (partial indexes keep
-- it small however many reports are closed).
CREATE INDEX reports_response_clock ON reports (response_due)
  WHERE responded_at IS NULL AND escalated_response_at IS NULL;
CREATE INDEX reports_resolve_clock ON reports (resolve_due)
  WHERE resolved_at IS NULL AND escalated_resolve_at IS NULL
    AND status IN ('diterima', 'diverifikasi', 'diproses');
-- Lists filtered by status within a category or a kecamatan (the inbox and the public map),
-- newest first without scanning the other statuses.
CREATE INDEX reports_category_status ON reports (region_code, category_code, status, id);
CREATE INDEX reports_kecamatan_status ON reports (region_code, kecamatan_code, status, id);
-- Where reports are, for bounding-box lists (the map) and possible duplicates near a point: an
-- R*Tree of the points, kept by a trigger (a report's location never changes after filing).
-- Its id is the report's id.
CREATE VIRTUAL TABLE reports_rtree USING rtree (id, min_lat, max_lat, min_lon, max_lon);
INSERT INTO reports_rtree SELECT id, lat, lat, lon, lon FROM reports;
CREATE TRIGGER reports_rtree_insert AFTER INSERT ON reports BEGIN
  INSERT INTO reports_rtree VALUES (NEW.id, NEW.lat, NEW.lat, NEW.lon, NEW.lon);
END;
-- Open311 GET requests: a service_code within a date window.
CREATE INDEX reports_category_created ON reports (region_code, category_code, created_at);
CREATE INDEX reports_reporter ON reports (reporter_user_id, id) WHERE reporter_user_id IS NOT NULL;

-- The timeline of a report. 'note' rows are officer notes (public or internal); every other
-- kind records a change. Internal rows are never shown to the public or the reporter.
CREATE TABLE report_events (
  id            INTEGER PRIMARY KEY,
  report_id     INTEGER NOT NULL REFERENCES reports (id),
  kind          TEXT NOT NULL CHECK (kind IN ('status', 'note', 'assigned', 'reopened', 'merged',
                                              'escalated', 'rated')),
  from_value    TEXT,
  to_value      TEXT,
  text          TEXT,
  public        INTEGER NOT NULL CHECK (public IN (0, 1)),
  actor_user_id INTEGER,
  actor_name    TEXT,
  created_at    TEXT NOT NULL
) STRICT;
CREATE INDEX report_events_report ON report_events (report_id, id);

CREATE TABLE report_followers (
  report_id  INTEGER NOT NULL REFERENCES reports (id),
  user_id    INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (report_id, user_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE report_supporters (
  report_id  INTEGER NOT NULL REFERENCES reports (id),
  user_id    INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (report_id, user_id)
) STRICT, WITHOUT ROWID;

-- Citizen comments, shown to the public only once a moderator approved them.
CREATE TABLE report_comments (
  id           INTEGER PRIMARY KEY,
  report_id    INTEGER NOT NULL REFERENCES reports (id),
  user_id      INTEGER NOT NULL,
  author_name  TEXT NOT NULL,
  text         TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'hidden')),
  moderated_by INTEGER,
  moderated_at TEXT,
  created_at   TEXT NOT NULL
) STRICT;
CREATE INDEX report_comments_report ON report_comments (report_id, id);
