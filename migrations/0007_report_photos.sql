-- Photos of citizen reports: taken by the reporter ('report') or by the officer who resolved
-- the report ('resolution'). The files are content-addressed under <data dir>/media
-- (reports/photo_store.h) and a row names them by the SHA-256 of the display JPEG, so several
-- reports may share one photo. Files are written before the row's commit; a failed commit
-- removes files no row references.
CREATE TABLE report_photos (
  id          INTEGER PRIMARY KEY,
  region_code TEXT NOT NULL REFERENCES regions (code),
  report_id   INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('report', 'resolution')),
  sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
  width       INTEGER NOT NULL CHECK (width > 0),
  height      INTEGER NOT NULL CHECK (height > 0),
  bytes       INTEGER NOT NULL CHECK (bytes > 0),
  position    INTEGER NOT NULL CHECK (position >= 0),  -- upload order within the kind
  created_at  TEXT NOT NULL,
  UNIQUE (report_id, kind, position)
) STRICT;

-- Is a file still referenced? (the orphan check after a failed commit, and the media sweep)
CREATE INDEX report_photos_sha256 ON report_photos (sha256);

-- An Open311 client's own media_url (an http(s) URL stored as given; no file of ours).
ALTER TABLE reports ADD COLUMN media_url TEXT;
