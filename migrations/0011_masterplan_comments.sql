-- Masterplan, issue 8 continued: review comments on the items of a masterplan.
--
-- A comment belongs to the plan, not to a version: the item keys ("plan", "stage:2",
-- "readiness:governance", "program:3", "quick_win:1") are stable across versions (programs and
-- quick wins keep their plan-wide number), so a request made on version 2 stays visible while
-- version 3 answers it. version_number records the latest version when it was written.
-- The author is copied (name and role at the time of writing), as a printed review would be;
-- author_id has no foreign key, like audit_log.actor_id (0/NULL: the command line or system).
-- Comments are never edited or deleted; resolving sets the resolved_* columns once.
CREATE TABLE masterplan_comments (
  id               INTEGER PRIMARY KEY,
  masterplan_id    INTEGER NOT NULL REFERENCES masterplans (id),
  version_number   INTEGER NOT NULL,
  item             TEXT NOT NULL,
  body             TEXT NOT NULL,
  request_changes  INTEGER NOT NULL CHECK (request_changes IN (0, 1)),
  author_id        INTEGER,
  author_label     TEXT NOT NULL,  -- "user:12", as in audit_log.actor_label
  author_name      TEXT NOT NULL,
  author_role      TEXT NOT NULL,  -- accounts role name: consultant, region_admin, opd_officer, ...
  created_at       TEXT NOT NULL,
  resolved_at      TEXT,
  resolved_by_id   INTEGER,
  resolved_by_name TEXT,
  resolved_by_role TEXT,
  CHECK ((resolved_at IS NULL) = (resolved_by_name IS NULL))
) STRICT;
-- A plan's comments oldest first without a sort (index entries are ordered by rowid within a plan).
CREATE INDEX masterplan_comments_plan ON masterplan_comments (masterplan_id);
-- open_requests of a plan (shown with the plan) without reading its closed comments.
CREATE INDEX masterplan_comments_open ON masterplan_comments (masterplan_id)
  WHERE request_changes = 1 AND resolved_at IS NULL;

CREATE TRIGGER masterplan_comments_no_delete BEFORE DELETE ON masterplan_comments
BEGIN
  SELECT RAISE(ABORT, 'masterplan comments are kept');
END;
-- Only the resolution may be written, and only once.
CREATE TRIGGER masterplan_comments_resolve_once BEFORE UPDATE ON masterplan_comments
WHEN OLD.resolved_at IS NOT NULL OR NEW.body IS NOT OLD.body OR NEW.item IS NOT OLD.item
  OR NEW.request_changes IS NOT OLD.request_changes OR NEW.author_id IS NOT OLD.author_id
  OR NEW.masterplan_id IS NOT OLD.masterplan_id OR NEW.created_at IS NOT OLD.created_at
BEGIN
  SELECT RAISE(ABORT, 'a masterplan comment changes only by being resolved, once');
END;
