-- Signed webhooks of the reports module: a region's subscriptions and the durable delivery
-- queue (a delivery survives restarts and is retried with backoff until delivered or failed).

-- A subscription. event_types is '*' (every type) or a comma-separated list of report event
-- names ("report.created,report.status_changed"). The secret signs every delivery; it is shown
-- to the region admin once, when created, and kept here because signing needs it.
CREATE TABLE report_webhooks (
  id          INTEGER PRIMARY KEY,
  region_code TEXT NOT NULL REFERENCES regions (code),
  url         TEXT NOT NULL,
  event_types TEXT NOT NULL,
  secret      TEXT NOT NULL,
  created_by  INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX report_webhooks_region ON report_webhooks (region_code, id);

-- One event for one subscription. The body is fixed when the event is queued; each attempt
-- signs it with that attempt's timestamp. status: 'pending' (next_attempt_at set),
-- 'delivered' or 'failed' (next_attempt_at null). Times are UTC ISO-8601 text.
CREATE TABLE report_webhook_deliveries (
  id               INTEGER PRIMARY KEY,
  webhook_id       INTEGER NOT NULL REFERENCES report_webhooks (id) ON DELETE CASCADE,
  delivery_id      TEXT NOT NULL UNIQUE,
  event_id         TEXT NOT NULL,
  event_type       TEXT NOT NULL,
  tracking         TEXT NOT NULL,
  body             TEXT NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  last_status_code INTEGER,
  last_error       TEXT NOT NULL DEFAULT '',
  next_attempt_at  TEXT,
  last_attempt_at  TEXT,
  created_at       TEXT NOT NULL
) STRICT;
CREATE INDEX report_webhook_deliveries_log ON report_webhook_deliveries (webhook_id, id);
-- The dispatcher's queue: only pending rows carry next_attempt_at.
CREATE INDEX report_webhook_deliveries_due ON report_webhook_deliveries (next_attempt_at)
  WHERE status = 'pending';
