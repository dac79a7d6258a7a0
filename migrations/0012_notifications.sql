-- Residents' notifications are the public timeline entries (report_events) of the reports they
-- filed or follow; only how far each user has read is stored.
CREATE TABLE notification_marks (
  user_id   INTEGER PRIMARY KEY,
  read_upto INTEGER NOT NULL CHECK (read_upto >= 0)
) STRICT;

-- The followed half of "my reports" by user (the primary key leads with report_id).
CREATE INDEX report_followers_user ON report_followers (user_id, report_id);
