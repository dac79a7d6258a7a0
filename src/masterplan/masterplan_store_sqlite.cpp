// Masterplans, versions and team on SQLite (masterplan_store.h).
#include <string>
#include <utility>

#include "masterplan/masterplan_store.h"

namespace kc::masterplan::db {
namespace {

constexpr std::string_view kVersionColumns =
    "id, number, status, title, summary, review_note, created_at, updated_at, published_at";

Version ReadVersion(const store::Statement& s, int first) {
  Version v;
  v.id = s.Int(first);
  v.number = static_cast<int>(s.Int(first + 1));
  v.status = VersionStatusFromString(s.Text(first + 2)).value_or(VersionStatus::kDraft);
  v.title = s.String(first + 3);
  v.summary = s.String(first + 4);
  v.review_note = s.String(first + 5);
  v.created_at = s.String(first + 6);
  v.updated_at = s.String(first + 7);
  if (!s.IsNull(first + 8)) v.published_at = s.String(first + 8);
  return v;
}

Result<std::vector<Version>> LoadVersions(Connection& conn, int64_t plan_id) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("SELECT " + std::string(kVersionColumns) +
                                           " FROM masterplan_versions WHERE masterplan_id = ?1"
                                           " ORDER BY number"));
  s.Bind(1, plan_id);
  std::vector<Version> out;
  while (true) {
    KC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(ReadVersion(s, 0));
  }
  return out;
}

}  // namespace

Result<std::vector<Masterplan>> ListPlans(Connection& conn, std::string_view region_code) {
  KC_ASSIGN_OR_RETURN(
      auto s, conn.Prepare("SELECT m.id, m.region_code, m.start_year, m.end_year, m.created_at, v.id,"
                           " v.number, v.status, v.title, v.summary, v.review_note, v.created_at,"
                           " v.updated_at, v.published_at FROM masterplans m"
                           " JOIN masterplan_versions v ON v.masterplan_id = m.id AND v.number ="
                           " (SELECT MAX(number) FROM masterplan_versions WHERE masterplan_id = m.id)"
                           " WHERE m.region_code = ?1 ORDER BY m.start_year"));
  s.Bind(1, region_code);
  std::vector<Masterplan> out;
  while (true) {
    KC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    Masterplan m{.id = s.Int(0), .region_code = s.String(1), .start_year = static_cast<int>(s.Int(2)),
                 .end_year = static_cast<int>(s.Int(3)), .created_at = s.String(4)};
    m.latest = ReadVersion(s, 5);
    out.push_back(std::move(m));
  }
  return out;
}

Result<std::vector<Masterplan>> ListPublishedPlans(Connection& conn, std::string_view region_code) {
  // Two joins on the same table: v is the latest version, p the newest published one. Filtering
  // ListPlans by the latest status would lose a published plan as soon as it is edited.
  KC_ASSIGN_OR_RETURN(
      auto s, conn.Prepare("SELECT m.id, m.region_code, m.start_year, m.end_year, m.created_at, v.id,"
                           " v.number, v.status, v.title, v.summary, v.review_note, v.created_at,"
                           " v.updated_at, v.published_at, p.id, p.number, p.status, p.title, p.summary,"
                           " p.review_note, p.created_at, p.updated_at, p.published_at FROM masterplans m"
                           " JOIN masterplan_versions v ON v.masterplan_id = m.id AND v.number ="
                           " (SELECT MAX(number) FROM masterplan_versions WHERE masterplan_id = m.id)"
                           " JOIN masterplan_versions p ON p.masterplan_id = m.id AND p.number ="
                           " (SELECT MAX(number) FROM masterplan_versions WHERE masterplan_id = m.id"
                           " AND status = 'published')"
                           " WHERE m.region_code = ?1 ORDER BY m.start_year"));
  s.Bind(1, region_code);
  std::vector<Masterplan> out;
  while (true) {
    KC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    Masterplan m{.id = s.Int(0), .region_code = s.String(1), .start_year = static_cast<int>(s.Int(2)),
                 .end_year = static_cast<int>(s.Int(3)), .created_at = s.String(4)};
    m.latest = ReadVersion(s, 5);
    m.published = ReadVersion(s, 14);
    out.push_back(std::move(m));
  }
  return out;
}

Result<std::optional<Masterplan>> LoadPlan(Connection& conn, std::string_view region_code, int64_t id) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("SELECT id, region_code, start_year, end_year, created_at"
                                           " FROM masterplans WHERE id = ?1 AND region_code = ?2"));
  s.Bind(1, id).Bind(2, region_code);
  KC_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<Masterplan>();
  Masterplan m{.id = s.Int(0), .region_code = s.String(1), .start_year = static_cast<int>(s.Int(2)),
               .end_year = static_cast<int>(s.Int(3)), .created_at = s.String(4)};
  KC_ASSIGN_OR_RETURN(m.versions, LoadVersions(conn, id));
  if (m.versions.empty()) return Internal("masterplan without versions");
  m.latest = m.versions.back();
  for (const Version& v : m.versions) {
    if (v.status == VersionStatus::kPublished) m.published = v;
  }
  return std::optional<Masterplan>(std::move(m));
}

Result<int64_t> InsertPlan(Connection& conn, std::string_view region_code, int start_year,
                           int end_year, std::string_view title, std::string_view now) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("INSERT INTO masterplans (region_code, start_year,"
                                           " end_year, created_at) VALUES (?1, ?2, ?3, ?4)"));
  KC_RETURN_IF_ERROR(s.Bind(1, region_code).Bind(2, start_year).Bind(3, end_year).Bind(4, now).Run());
  const int64_t id = conn.LastInsertId();
  KC_ASSIGN_OR_RETURN(auto v, conn.Prepare("INSERT INTO masterplan_versions (masterplan_id, number,"
                                           " status, title, created_at, updated_at)"
                                           " VALUES (?1, 1, 'draft', ?2, ?3, ?3)"));
  KC_RETURN_IF_ERROR(v.Bind(1, id).Bind(2, title).Bind(3, now).Run());
  for (int stage = 1; stage <= kStageCount; ++stage) {
    // A Statement is reset only when it goes out of scope, so each row takes its own.
    KC_ASSIGN_OR_RETURN(auto st, conn.Prepare("INSERT INTO bimtek_stages (masterplan_id, stage)"
                                              " VALUES (?1, ?2)"));
    KC_RETURN_IF_ERROR(st.Bind(1, id).Bind(2, stage).Run());
  }
  return id;
}

Status UpdateVersion(Connection& conn, const Version& v, std::string_view now) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("UPDATE masterplan_versions SET title = ?2, summary = ?3,"
                                           " status = ?4, review_note = ?5, published_at = ?6,"
                                           " updated_at = ?7 WHERE id = ?1"));
  return s.Bind(1, v.id).Bind(2, v.title).Bind(3, v.summary).Bind(4, ToString(v.status))
      .Bind(5, v.review_note).Bind(6, v.published_at).Bind(7, now).Run();
}

Result<int64_t> CopyVersion(Connection& conn, int64_t plan_id, const Version& from, int number,
                            std::string_view now) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("INSERT INTO masterplan_versions (masterplan_id, number,"
                                           " status, title, summary, created_at, updated_at)"
                                           " VALUES (?1, ?2, 'draft', ?3, ?4, ?5, ?5)"));
  KC_RETURN_IF_ERROR(s.Bind(1, plan_id).Bind(2, number).Bind(3, from.title).Bind(4, from.summary)
                         .Bind(5, now).Run());
  const int64_t id = conn.LastInsertId();
  // The content tables of a version with their columns after version_id; later steps
  // (programs, quick wins) add theirs here.
  static constexpr std::pair<std::string_view, std::string_view> kContent[] = {
      {"masterplan_team", "body, name, role, opd_id, position"},
      {"readiness_scores", "dimension, aspect, sub_aspect, score, justification"},
      {"swot_items", "no, dimension, kind, text"},
      {"maturity_levels", "dimension, element, level, evidence"},
      {"dimension_directions", "dimension, vision, mission, focus, goals, targets, problems, strategies"},
      {"programs", "no, dimension, element, name, description, owner_opd_id, horizon, start_year,"
                   " end_year, location, refs, status, supporting, budget, kpis"},
      {"quick_wins", "no, dimension, name, description, state, reason, owner_opd_id, start_date,"
                     " end_date, budget, milestones, progress"},
  };
  for (const auto& [table, columns] : kContent) {
    const std::string cols(columns), t(table);
    KC_ASSIGN_OR_RETURN(auto copy, conn.Prepare("INSERT INTO " + t + " (version_id, " + cols +
                                                ") SELECT ?1, " + cols + " FROM " + t +
                                                " WHERE version_id = ?2"));
    KC_RETURN_IF_ERROR(copy.Bind(1, id).Bind(2, from.id).Run());
  }
  return id;
}

Result<std::vector<TeamMember>> LoadTeam(Connection& conn, int64_t version_id) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("SELECT id, body, name, role, opd_id, position FROM"
                                           " masterplan_team WHERE version_id = ?1 ORDER BY position"));
  s.Bind(1, version_id);
  std::vector<TeamMember> out;
  while (true) {
    KC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    TeamMember m{.id = s.Int(0),
                 .body = TeamBodyFromString(s.Text(1)).value_or(TeamBody::kTimPelaksana),
                 .name = s.String(2), .role = s.String(3)};
    if (!s.IsNull(4)) m.opd_id = s.Int(4);
    m.position = static_cast<int>(s.Int(5));
    out.push_back(std::move(m));
  }
  return out;
}

Result<int64_t> InsertTeamMember(Connection& conn, int64_t version_id, const TeamMember& m) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("INSERT INTO masterplan_team (version_id, body, name, role,"
                                           " opd_id, position) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
  KC_RETURN_IF_ERROR(s.Bind(1, version_id).Bind(2, ToString(m.body)).Bind(3, m.name).Bind(4, m.role)
                         .Bind(5, m.opd_id).Bind(6, m.position).Run());
  return conn.LastInsertId();
}

Result<bool> DeleteTeamMember(Connection& conn, int64_t version_id, int position) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("DELETE FROM masterplan_team WHERE version_id = ?1"
                                           " AND position = ?2"));
  KC_RETURN_IF_ERROR(s.Bind(1, version_id).Bind(2, position).Run());
  return conn.Changes() > 0;
}

Result<bool> OpdInRegion(Connection& conn, std::string_view region_code, int64_t opd_id) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("SELECT 1 FROM opds WHERE id = ?1 AND region_code = ?2"));
  s.Bind(1, opd_id).Bind(2, region_code);
  return s.Step();
}

Result<bool> AreaInRegion(Connection& conn, std::string_view region_code, std::string_view code) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("SELECT 1 FROM areas WHERE code = ?1 AND level IN"
                                           " ('kecamatan', 'kelurahan') AND substr(code, 1, ?3) = ?2"));
  const std::string prefix = std::string(region_code) + ".";
  s.Bind(1, code).Bind(2, prefix).Bind(3, static_cast<int64_t>(prefix.size()));
  return s.Step();
}

}  // namespace kc::masterplan::db
