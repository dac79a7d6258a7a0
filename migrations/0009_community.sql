-- Community module: Agen Smart City roster with Bimtek attendance, referral attribution, KIM
-- groups (Permenkominfo 08/2010), announcements and group channels with durable messages.
-- Times are UTC ISO-8601 text with milliseconds; dates are 'YYYY-MM-DD'.
-- Area codes are checked by the module, not by foreign keys, so that a re-import of the
-- hierarchy (which deletes stale codes) is never blocked by community rows.

-- One agent of a region, serving one kecamatan. `user_id` links the agent's account when it has
-- one (an agent grant is given through accounts). The referral code is unique per region.
CREATE TABLE community_agents (
  id             INTEGER PRIMARY KEY,
  region_code    TEXT NOT NULL REFERENCES regions (code),
  kecamatan_code TEXT NOT NULL,
  kelurahan_code TEXT,
  name           TEXT NOT NULL,
  phone          TEXT NOT NULL DEFAULT '',
  email          TEXT NOT NULL DEFAULT '',
  user_id        INTEGER REFERENCES users (id),
  status         TEXT NOT NULL CHECK (status IN ('active', 'inactive')),
  joined_on      TEXT NOT NULL,
  referral_code  TEXT NOT NULL,
  target_signups INTEGER NOT NULL DEFAULT 0 CHECK (target_signups >= 0),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  UNIQUE (region_code, referral_code)
) STRICT;
CREATE INDEX community_agents_region ON community_agents (region_code, kecamatan_code, id);
CREATE UNIQUE INDEX community_agents_user ON community_agents (region_code, user_id)
  WHERE user_id IS NOT NULL;

-- Bimtek (training) sessions for agents and who attended.
CREATE TABLE community_trainings (
  id          INTEGER PRIMARY KEY,
  region_code TEXT NOT NULL REFERENCES regions (code),
  held_on     TEXT NOT NULL,
  topic       TEXT NOT NULL,
  place       TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX community_trainings_region ON community_trainings (region_code, held_on);

CREATE TABLE community_training_attendance (
  training_id INTEGER NOT NULL REFERENCES community_trainings (id),
  agent_id    INTEGER NOT NULL REFERENCES community_agents (id),
  attended    INTEGER NOT NULL CHECK (attended IN (0, 1)),
  PRIMARY KEY (training_id, agent_id)
) STRICT;
CREATE INDEX community_training_attendance_agent ON community_training_attendance (agent_id);

-- A citizen attributed to an agent: first touch, once per user and region (never public).
CREATE TABLE community_referrals (
  region_code TEXT NOT NULL REFERENCES regions (code),
  user_id     INTEGER NOT NULL REFERENCES users (id),
  agent_id    INTEGER NOT NULL REFERENCES community_agents (id),
  claimed_at  TEXT NOT NULL,
  PRIMARY KEY (region_code, user_id)
) STRICT;
CREATE INDEX community_referrals_agent ON community_referrals (agent_id, claimed_at);

-- A report submitted through an agent's link (?ref=CODE) or by the agent for a resident. No
-- foreign key to reports: the reports module writes it inside its own submission savepoint.
CREATE TABLE community_report_attributions (
  report_id   INTEGER PRIMARY KEY,
  region_code TEXT NOT NULL REFERENCES regions (code),
  agent_id    INTEGER NOT NULL REFERENCES community_agents (id),
  created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX community_report_attributions_region ON community_report_attributions (region_code, agent_id);

-- KIM groups per kelurahan/desa with their decree (SK), members, activities and information.
CREATE TABLE kim_groups (
  id             INTEGER PRIMARY KEY,
  region_code    TEXT NOT NULL REFERENCES regions (code),
  kelurahan_code TEXT NOT NULL,
  name           TEXT NOT NULL,
  sk_number      TEXT NOT NULL DEFAULT '',
  sk_date        TEXT,
  chair          TEXT NOT NULL DEFAULT '',
  contact        TEXT NOT NULL DEFAULT '',
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  UNIQUE (region_code, name)
) STRICT;
CREATE INDEX kim_groups_region ON kim_groups (region_code, kelurahan_code);

CREATE TABLE kim_members (
  id         INTEGER PRIMARY KEY,
  group_id   INTEGER NOT NULL REFERENCES kim_groups (id),
  name       TEXT NOT NULL,
  role       TEXT NOT NULL CHECK (role IN ('ketua', 'sekretaris', 'bendahara', 'anggota')),
  phone      TEXT NOT NULL DEFAULT '',
  user_id    INTEGER REFERENCES users (id),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX kim_members_group ON kim_members (group_id);

CREATE TABLE kim_activities (
  id         INTEGER PRIMARY KEY,
  group_id   INTEGER NOT NULL REFERENCES kim_groups (id),
  held_on    TEXT NOT NULL,
  title      TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('sosialisasi', 'pelatihan', 'diskusi', 'liputan', 'lainnya')),
  attendees  INTEGER NOT NULL DEFAULT 0 CHECK (attendees >= 0),
  notes      TEXT NOT NULL DEFAULT '',
  created_by INTEGER,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX kim_activities_group ON kim_activities (group_id, held_on);

CREATE TABLE kim_info_items (
  id           INTEGER PRIMARY KEY,
  group_id     INTEGER NOT NULL REFERENCES kim_groups (id),
  title        TEXT NOT NULL,
  body         TEXT NOT NULL,
  published_at TEXT NOT NULL,
  created_by   INTEGER
) STRICT;
CREATE INDEX kim_info_items_group ON kim_info_items (group_id, published_at);

-- Announcements (pengumuman) to everyone, one kecamatan, the agents or the KIM of a region.
CREATE TABLE community_announcements (
  id             INTEGER PRIMARY KEY,
  region_code    TEXT NOT NULL REFERENCES regions (code),
  title          TEXT NOT NULL,
  body           TEXT NOT NULL,
  audience       TEXT NOT NULL CHECK (audience IN ('all', 'kecamatan', 'agents', 'kim')),
  kecamatan_code TEXT,
  pinned         INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
  publish_at     TEXT NOT NULL,
  expires_at     TEXT,
  created_by     INTEGER,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  CHECK ((audience = 'kecamatan') = (kecamatan_code IS NOT NULL))
) STRICT;
CREATE INDEX community_announcements_region ON community_announcements (region_code, publish_at);

-- Group channels of a region; membership follows roles and scope (community/channel.h).
CREATE TABLE community_channels (
  id             INTEGER PRIMARY KEY,
  region_code    TEXT NOT NULL REFERENCES regions (code),
  slug           TEXT NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('kecamatan_agents', 'agents', 'kim', 'diskominfo')),
  kecamatan_code TEXT,
  name           TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  UNIQUE (region_code, slug),
  CHECK ((kind = 'kecamatan_agents') = (kecamatan_code IS NOT NULL))
) STRICT;

-- Messages: append-only; the id is the cursor clients catch up from.
CREATE TABLE community_messages (
  id          INTEGER PRIMARY KEY,
  channel_id  INTEGER NOT NULL REFERENCES community_channels (id),
  author_id   INTEGER NOT NULL REFERENCES users (id),
  author_name TEXT NOT NULL,
  body        TEXT NOT NULL,
  created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX community_messages_channel ON community_messages (channel_id, id);
