-- Accounts module: users, scoped role grants, sessions, API keys, one-time codes, audit log.
-- Secrets are never stored: sessions, API keys and codes keep only their SHA-256 (hex).

CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL,
  email         TEXT UNIQUE COLLATE NOCASE,  -- normalised (accounts/contact.h)
  phone         TEXT UNIQUE,                 -- E.164, +62...
  password_hash TEXT NOT NULL,               -- argon2id encoded hash
  status        TEXT NOT NULL CHECK (status IN ('active', 'disabled')),
  language      TEXT NOT NULL DEFAULT 'id' CHECK (language IN ('id', 'en')),
  verified_at   TEXT,                        -- NULL until the contact was verified by code
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  CHECK (email IS NOT NULL OR phone IS NOT NULL)
) STRICT;

-- One scoped role of a user (accounts/roles.h Grant). Empty strings, not NULL, for absent parts
-- so the UNIQUE constraint catches duplicates.
CREATE TABLE grants (
  id             INTEGER PRIMARY KEY,
  user_id        INTEGER NOT NULL REFERENCES users (id),
  role           TEXT NOT NULL CHECK (role IN ('national_admin', 'consultant', 'region_admin',
                                               'opd_officer', 'agent', 'kim_member', 'citizen')),
  region_code    TEXT NOT NULL DEFAULT '',
  opd_id         TEXT NOT NULL DEFAULT '',
  kecamatan_code TEXT NOT NULL DEFAULT '',
  kelurahan_code TEXT NOT NULL DEFAULT '',
  created_at     TEXT NOT NULL,
  created_by     INTEGER,
  UNIQUE (user_id, role, region_code, opd_id, kecamatan_code, kelurahan_code)
) STRICT;
CREATE INDEX grants_region ON grants (region_code, user_id);

CREATE TABLE sessions (
  id           INTEGER PRIMARY KEY,
  token_hash   TEXT NOT NULL UNIQUE,
  user_id      INTEGER NOT NULL REFERENCES users (id),
  created_at   TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at   TEXT NOT NULL,  -- absolute expiry; idle expiry is last_seen_at + idle limit
  user_agent   TEXT NOT NULL DEFAULT '',
  ip           TEXT NOT NULL DEFAULT '',
  revoked_at   TEXT
) STRICT;
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_keys (
  id           INTEGER PRIMARY KEY,
  region_code  TEXT NOT NULL,
  name         TEXT NOT NULL,
  key_hash     TEXT NOT NULL UNIQUE,
  created_by   INTEGER,
  created_at   TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at   TEXT
) STRICT;
CREATE INDEX api_keys_region ON api_keys (region_code);

-- Verification and password-reset codes: hashed, expiring, single-use, attempt-limited.
CREATE TABLE account_codes (
  id         INTEGER PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users (id),
  purpose    TEXT NOT NULL CHECK (purpose IN ('verify', 'reset')),
  code_hash  TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  attempts   INTEGER NOT NULL DEFAULT 0,
  used_at    TEXT,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX account_codes_user ON account_codes (user_id, purpose);

-- Append-only audit log. No code path updates or deletes it; the triggers make sure.
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  actor_id    INTEGER,              -- NULL: the command line or the system
  actor_label TEXT NOT NULL,        -- "user:12", "cli", "apikey:3"
  region_code TEXT NOT NULL DEFAULT '',
  action      TEXT NOT NULL,        -- "user.create", "grant.add", ...
  target      TEXT NOT NULL,        -- "user:12", "apikey:3", ...
  before_json TEXT,
  after_json  TEXT
) STRICT;
CREATE INDEX audit_region ON audit_log (region_code, id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
