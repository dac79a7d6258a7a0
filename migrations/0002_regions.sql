-- Regions module: the administrative hierarchy (shared by all regions), regions (tenants),
-- boundary geometries and OPDs.

-- Provinsi, kabupaten/kota, kecamatan, kelurahan/desa from idn-area-data (Kepmendagri codes with
-- dots). import_id marks the rows of the latest import so stale codes can be deleted.
CREATE TABLE areas (
  code        TEXT PRIMARY KEY,
  level       TEXT NOT NULL CHECK (level IN ('provinsi', 'kabkota', 'kecamatan', 'kelurahan')),
  parent_code TEXT,
  name        TEXT NOT NULL,
  import_id   INTEGER NOT NULL
) STRICT;
CREATE INDEX areas_parent ON areas (parent_code);
CREATE INDEX areas_level ON areas (level, code);

-- A region is a kabupaten/kota that runs kotacerdas.
CREATE TABLE regions (
  code       TEXT PRIMARY KEY REFERENCES areas (code),
  slug       TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL,
  type       TEXT NOT NULL CHECK (type IN ('kota', 'kabupaten')),
  timezone   TEXT NOT NULL CHECK (timezone IN ('WIB', 'WITA', 'WIT')),
  created_at TEXT NOT NULL
) STRICT;

-- One boundary per area code (any level); WKB in WGS84 with its bounding box.
CREATE TABLE boundaries (
  code        TEXT PRIMARY KEY REFERENCES areas (code) ON DELETE CASCADE,
  level       TEXT NOT NULL CHECK (level IN ('provinsi', 'kabkota', 'kecamatan', 'kelurahan')),
  name        TEXT NOT NULL,
  wkb         BLOB NOT NULL,
  min_lon     REAL NOT NULL,
  min_lat     REAL NOT NULL,
  max_lon     REAL NOT NULL,
  max_lat     REAL NOT NULL,
  repaired    INTEGER NOT NULL DEFAULT 0,
  imported_at TEXT NOT NULL
) STRICT;
CREATE INDEX boundaries_level ON boundaries (level, code);

-- Bumped by every boundary import so a running server notices imports made by the CLI.
CREATE TABLE boundary_state (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
) STRICT;
INSERT INTO boundary_state (id, version) VALUES (1, 0);

-- A region's units (organisasi perangkat daerah).
CREATE TABLE opds (
  id          INTEGER PRIMARY KEY,
  region_code TEXT NOT NULL REFERENCES regions (code),
  name        TEXT NOT NULL,
  short_name  TEXT NOT NULL,
  type        TEXT NOT NULL CHECK (type IN ('dinas', 'badan', 'kantor', 'kecamatan', 'kelurahan',
                                            'sekretariat', 'other')),
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX opds_region_short_name ON opds (region_code, short_name COLLATE NOCASE);
