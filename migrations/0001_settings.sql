-- Instance-wide settings and secrets generated at first start (e.g. the CSRF signing key).
CREATE TABLE settings (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
