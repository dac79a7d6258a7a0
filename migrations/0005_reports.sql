-- Reports module: categories (Open311 services) per region, routing rules, citizen reports,
-- tracking-number counters and idempotency keys.

-- A category (Open311 "service") of one region. `attributes` is the Open311 service definition
-- as a JSON array (reports/category.h: AttributeDef); validated by the module, not by SQL.
CREATE TABLE report_categories (
  id                 INTEGER PRIMARY KEY,
  region_code        TEXT NOT NULL REFERENCES regions (code),
  code               TEXT NOT NULL,
  name_id            TEXT NOT NULL,
  name_en            TEXT NOT NULL,
  group_name         TEXT NOT NULL,
  description        TEXT NOT NULL DEFAULT '',
  keywords           TEXT NOT NULL DEFAULT '',
  default_opd_id     INTEGER REFERENCES opds (id),
  sla_response_hours INTEGER NOT NULL CHECK (sla_response_hours > 0),
  sla_resolve_days   INTEGER NOT NULL CHECK (sla_resolve_days > 0),
  attributes         TEXT NOT NULL DEFAULT '[]',
  active             INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  UNIQUE (region_code, code)
) STRICT;

-- (category, area) -> OPD. area_code '' is the whole region; else a kecamatan or kelurahan code
-- of the region. The most specific rule wins (kelurahan, kecamatan, region, category default).
CREATE TABLE report_routing_rules (
  id            INTEGER PRIMARY KEY,
  region_code   TEXT NOT NULL REFERENCES regions (code),
  category_code TEXT NOT NULL,
  area_code     TEXT NOT NULL DEFAULT '',
  opd_id        INTEGER NOT NULL REFERENCES opds (id),
  created_at    TEXT NOT NULL,
  UNIQUE (region_code, category_code, area_code)
) STRICT;

-- Per-region settings of the module: the tracking-number prefix ("MDO").
CREATE TABLE report_settings (
  region_code     TEXT PRIMARY KEY REFERENCES regions (code),
  tracking_prefix TEXT NOT NULL
) STRICT;

-- The last tracking sequence number per region and (local) year. Incremented in the report's
-- own savepoint, so a failed submission gives its number back.
CREATE TABLE report_counters (
  region_code TEXT NOT NULL,
  year        INTEGER NOT NULL,
  last        INTEGER NOT NULL,
  PRIMARY KEY (region_code, year)
) STRICT;

-- Citizen reports. Times are UTC ISO-8601 text with milliseconds (they sort as text).
-- Reporter contact fields are personal data: never in public views.
CREATE TABLE reports (
  id               INTEGER PRIMARY KEY,
  region_code      TEXT NOT NULL REFERENCES regions (code),
  tracking         TEXT NOT NULL UNIQUE,
  category_code    TEXT NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('diterima', 'diverifikasi', 'diproses',
                                                   'selesai', 'ditolak', 'duplikat')),
  description      TEXT NOT NULL,
  lat              REAL NOT NULL,
  lon              REAL NOT NULL,
  address          TEXT,
  kecamatan_code   TEXT,
  kelurahan_code   TEXT,
  area_match       TEXT NOT NULL,
  opd_id           INTEGER,
  attributes       TEXT NOT NULL DEFAULT '{}',
  is_public        INTEGER NOT NULL DEFAULT 1 CHECK (is_public IN (0, 1)),
  reporter_user_id INTEGER,
  reporter_api_key INTEGER,
  contact_name     TEXT,
  contact_email    TEXT,
  contact_phone    TEXT,
  channel          TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
) STRICT;
CREATE INDEX reports_region ON reports (region_code, id);
CREATE INDEX reports_status ON reports (region_code, status, id);
CREATE INDEX reports_category ON reports (region_code, category_code, id);
CREATE INDEX reports_opd ON reports (region_code, opd_id, id);
CREATE INDEX reports_kecamatan ON reports (region_code, kecamatan_code, id);
CREATE INDEX reports_created ON reports (region_code, created_at);

-- Idempotency-Key of a submission: the first answer is kept and returned for every replay.
-- scope says whose key it is (user, API key or anonymous client address).
CREATE TABLE report_idempotency (
  region_code  TEXT NOT NULL,
  scope        TEXT NOT NULL,
  key          TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  report_id    INTEGER NOT NULL REFERENCES reports (id),
  answer       TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  PRIMARY KEY (region_code, scope, key)
) STRICT;
