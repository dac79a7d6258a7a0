// KIM groups, their members, activities and information items, and announcements on SQLite
// (community_store.h).
#include "community/community_store.h"

namespace kc::community::db {
namespace {

std::optional<std::string> OptText(const store::Statement& s, int col) {
  if (s.IsNull(col)) return std::nullopt;
  return s.String(col);
}

// Runs `s` and collects one value per row with `read`.
template <class T, class F>
Result<std::vector<T>> Collect(store::Statement& s, F read) {
  std::vector<T> out;
  while (true) {
    KC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(read(s));
  }
  return out;
}

constexpr std::string_view kGroupColumns =
    "g.id, g.region_code, g.kelurahan_code, g.name, g.sk_number, g.sk_date, g.chair, g.contact,"
    " g.created_at, g.updated_at, (SELECT COUNT(*) FROM kim_members m WHERE m.group_id = g.id)";

KimGroup ReadGroup(const store::Statement& s) {
  return {.id = s.Int(0),
          .region_code = s.String(1),
          .kelurahan_code = s.String(2),
          .name = s.String(3),
          .sk_number = s.String(4),
          .sk_date = OptText(s, 5),
          .chair = s.String(6),
          .contact = s.String(7),
          .member_count = s.Int(10),
          .created_at = s.String(8),
          .updated_at = s.String(9)};
}

constexpr std::string_view kAnnouncementColumns =
    "id, region_code, title, body, audience, kecamatan_code, pinned, publish_at, expires_at,"
    " created_at, updated_at";

Announcement ReadAnnouncement(const store::Statement& s) {
  return {.id = s.Int(0),
          .region_code = s.String(1),
          .title = s.String(2),
          .body = s.String(3),
          .audience = ParseAudience(s.Text(4)).value_or(Audience::kAll),
          .kecamatan_code = OptText(s, 5),
          .pinned = s.Int(6) != 0,
          .publish_at = s.String(7),
          .expires_at = OptText(s, 8),
          .created_at = s.String(9),
          .updated_at = s.String(10)};
}

}  // namespace

Result<int64_t> InsertKimGroup(Connection& conn, const KimGroup& g) {
  KC_ASSIGN_OR_RETURN(
      auto s, conn.Prepare("INSERT INTO kim_groups (region_code, kelurahan_code, name, sk_number, "
                           "sk_date, chair, contact,"
                           " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)"));
  KC_RETURN_IF_ERROR(s.Bind(1, g.region_code)
                         .Bind(2, g.kelurahan_code)
                         .Bind(3, g.name)
                         .Bind(4, g.sk_number)
                         .Bind(5, g.sk_date)
                         .Bind(6, g.chair)
                         .Bind(7, g.contact)
                         .Bind(8, g.created_at)
                         .Run());
  return conn.LastInsertId();
}

Result<std::optional<KimGroup>> FindKimGroup(Connection& conn, std::string_view region,
                                             int64_t id) {
  KC_ASSIGN_OR_RETURN(auto s,
                      conn.Prepare("SELECT " + std::string(kGroupColumns) +
                                   " FROM kim_groups g WHERE g.region_code = ?1 AND g.id = ?2"));
  s.Bind(1, region).Bind(2, id);
  KC_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<KimGroup>();
  return std::optional<KimGroup>(ReadGroup(s));
}

Result<std::vector<KimGroup>> ListKimGroups(Connection& conn, std::string_view region) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("SELECT " + std::string(kGroupColumns) +
                                           " FROM kim_groups g WHERE g.region_code = ?1"
                                           " ORDER BY g.kelurahan_code, g.name"));
  s.Bind(1, region);
  return Collect<KimGroup>(s, ReadGroup);
}

Result<int64_t> InsertKimMember(Connection& conn, const KimMember& m) {
  KC_ASSIGN_OR_RETURN(auto s,
                      conn.Prepare("INSERT INTO kim_members (group_id, name, role, phone,"
                                   " user_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
  KC_RETURN_IF_ERROR(s.Bind(1, m.group_id)
                         .Bind(2, m.name)
                         .Bind(3, m.role)
                         .Bind(4, m.phone)
                         .Bind(5, m.user_id)
                         .Bind(6, m.created_at)
                         .Run());
  return conn.LastInsertId();
}

Result<std::vector<KimMember>> ListKimMembers(Connection& conn, int64_t group_id) {
  // Ketua first, then sekretaris, bendahara, anggota; by name within a role.
  KC_ASSIGN_OR_RETURN(
      auto s,
      conn.Prepare(
          "SELECT id, group_id, name, role, phone, user_id, created_at FROM kim_members"
          " WHERE group_id = ?1 ORDER BY CASE role WHEN 'ketua' THEN 0 WHEN 'sekretaris' THEN 1"
          " WHEN 'bendahara' THEN 2 ELSE 3 END, name, id"));
  s.Bind(1, group_id);
  return Collect<KimMember>(s, [](const store::Statement& r) {
    KimMember m{.id = r.Int(0),
                .group_id = r.Int(1),
                .name = r.String(2),
                .role = r.String(3),
                .phone = r.String(4),
                .created_at = r.String(6)};
    if (!r.IsNull(5)) m.user_id = r.Int(5);
    return m;
  });
}

Result<int64_t> InsertKimActivity(Connection& conn, const KimActivity& a,
                                  std::optional<int64_t> by) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("INSERT INTO kim_activities (group_id, held_on, title, "
                                           "kind, attendees, notes, created_by,"
                                           " created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
  KC_RETURN_IF_ERROR(s.Bind(1, a.group_id)
                         .Bind(2, a.held_on)
                         .Bind(3, a.title)
                         .Bind(4, a.kind)
                         .Bind(5, a.attendees)
                         .Bind(6, a.notes)
                         .Bind(7, by)
                         .Bind(8, a.created_at)
                         .Run());
  return conn.LastInsertId();
}

Result<std::vector<KimActivity>> ListKimActivities(Connection& conn, int64_t group_id) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("SELECT id, group_id, held_on, title, kind, attendees, "
                                           "notes, created_at FROM kim_activities"
                                           " WHERE group_id = ?1 ORDER BY held_on DESC, id DESC"));
  s.Bind(1, group_id);
  return Collect<KimActivity>(s, [](const store::Statement& r) {
    return KimActivity{.id = r.Int(0),
                       .group_id = r.Int(1),
                       .held_on = r.String(2),
                       .title = r.String(3),
                       .kind = r.String(4),
                       .attendees = r.Int(5),
                       .notes = r.String(6),
                       .created_at = r.String(7)};
  });
}

Result<int64_t> InsertKimInfo(Connection& conn, const KimInfo& i, std::optional<int64_t> by) {
  KC_ASSIGN_OR_RETURN(auto s,
                      conn.Prepare("INSERT INTO kim_info_items (group_id, title, body,"
                                   " published_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5)"));
  KC_RETURN_IF_ERROR(s.Bind(1, i.group_id)
                         .Bind(2, i.title)
                         .Bind(3, i.body)
                         .Bind(4, i.published_at)
                         .Bind(5, by)
                         .Run());
  return conn.LastInsertId();
}

Result<std::vector<KimInfo>> ListKimInfo(Connection& conn, int64_t group_id) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("SELECT id, group_id, title, body, published_at"
                                           " FROM kim_info_items WHERE group_id = ?1"
                                           " ORDER BY published_at DESC, id DESC"));
  s.Bind(1, group_id);
  return Collect<KimInfo>(s, [](const store::Statement& r) {
    return KimInfo{r.Int(0), r.Int(1), r.String(2), r.String(3), r.String(4)};
  });
}

Result<int64_t> InsertAnnouncement(Connection& conn, const Announcement& a,
                                   std::optional<int64_t> by) {
  KC_ASSIGN_OR_RETURN(
      auto s,
      conn.Prepare(
          "INSERT INTO community_announcements (region_code, title, body, audience, kecamatan_code,"
          " pinned, publish_at, expires_at, created_by, created_at, updated_at)"
          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)"));
  KC_RETURN_IF_ERROR(s.Bind(1, a.region_code)
                         .Bind(2, a.title)
                         .Bind(3, a.body)
                         .Bind(4, ToString(a.audience))
                         .Bind(5, a.kecamatan_code)
                         .Bind(6, a.pinned ? 1 : 0)
                         .Bind(7, a.publish_at)
                         .Bind(8, a.expires_at)
                         .Bind(9, by)
                         .Bind(10, a.created_at)
                         .Run());
  return conn.LastInsertId();
}

Result<std::optional<Announcement>> FindAnnouncement(Connection& conn, std::string_view region,
                                                     int64_t id) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("SELECT " + std::string(kAnnouncementColumns) +
                                           " FROM community_announcements"
                                           " WHERE region_code = ?1 AND id = ?2"));
  s.Bind(1, region).Bind(2, id);
  KC_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<Announcement>();
  return std::optional<Announcement>(ReadAnnouncement(s));
}

Status UpdateAnnouncement(Connection& conn, const Announcement& a) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("UPDATE community_announcements SET pinned = ?3,"
                                           " expires_at = ?4, updated_at = ?5"
                                           " WHERE region_code = ?1 AND id = ?2"));
  return s.Bind(1, a.region_code)
      .Bind(2, a.id)
      .Bind(3, a.pinned ? 1 : 0)
      .Bind(4, a.expires_at)
      .Bind(5, a.updated_at)
      .Run();
}

Result<std::vector<Announcement>> ListAnnouncements(Connection& conn, std::string_view region,
                                                    std::string_view now, bool include_inactive) {
  KC_ASSIGN_OR_RETURN(auto s,
                      conn.Prepare("SELECT " + std::string(kAnnouncementColumns) +
                                   " FROM community_announcements"
                                   " WHERE region_code = ?1 AND (?3 OR (publish_at <= ?2 AND "
                                   "(expires_at IS NULL OR expires_at > ?2)))"
                                   " ORDER BY pinned DESC, publish_at DESC, id DESC LIMIT 200"));
  s.Bind(1, region).Bind(2, now).Bind(3, include_inactive ? 1 : 0);
  return Collect<Announcement>(s, ReadAnnouncement);
}

}  // namespace kc::community::db
