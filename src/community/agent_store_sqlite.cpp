// Agents, trainings, referrals and adoption events on SQLite (community_store.h).
#include <unordered_set>

#include "community/community_store.h"

namespace kc::community::db {
namespace {

constexpr std::string_view kAgentColumns =
    "id, region_code, kecamatan_code, kelurahan_code, name, phone, email, user_id, status,"
    " joined_on, referral_code, target_signups, created_at, updated_at";

Agent ReadAgent(const store::Statement& s) {
  Agent a{.id = s.Int(0), .region_code = s.String(1), .kecamatan_code = s.String(2)};
  if (!s.IsNull(3)) a.kelurahan_code = s.String(3);
  a.name = s.String(4);
  a.phone = s.String(5);
  a.email = s.String(6);
  if (!s.IsNull(7)) a.user_id = s.Int(7);
  a.status = ParseAgentStatus(s.Text(8)).value_or(AgentStatus::kInactive);
  a.joined_on = s.String(9);
  a.referral_code = s.String(10);
  a.target_signups = s.Int(11);
  a.created_at = s.String(12);
  a.updated_at = s.String(13);
  return a;
}

Result<std::optional<Agent>> FindOne(Connection& conn, std::string_view where,
                                     std::string_view region, const auto& key) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("SELECT " + std::string(kAgentColumns) +
                                           " FROM community_agents WHERE region_code = ?1 AND " +
                                           std::string(where)));
  s.Bind(1, region).Bind(2, key);
  KC_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<Agent>();
  return std::optional<Agent>(ReadAgent(s));
}

TimePoint ParsedOrZero(std::string_view text) { return ParseTimestamp(text).value_or(TimePoint{}); }

}  // namespace

Result<int64_t> InsertAgent(Connection& conn, const Agent& a) {
  KC_ASSIGN_OR_RETURN(
      auto s,
      conn.Prepare(
          "INSERT INTO community_agents (region_code, kecamatan_code, kelurahan_code, name, phone, "
          "email,"
          " user_id, status, joined_on, referral_code, target_signups, created_at, updated_at)"
          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)"));
  KC_RETURN_IF_ERROR(s.Bind(1, a.region_code)
                         .Bind(2, a.kecamatan_code)
                         .Bind(3, a.kelurahan_code)
                         .Bind(4, a.name)
                         .Bind(5, a.phone)
                         .Bind(6, a.email)
                         .Bind(7, a.user_id)
                         .Bind(8, ToString(a.status))
                         .Bind(9, a.joined_on)
                         .Bind(10, a.referral_code)
                         .Bind(11, a.target_signups)
                         .Bind(12, a.created_at)
                         .Run());
  return conn.LastInsertId();
}

Result<bool> UpdateAgent(Connection& conn, const Agent& a) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("UPDATE community_agents SET kecamatan_code = ?3, "
                                           "kelurahan_code = ?4, name = ?5, phone = ?6,"
                                           " email = ?7, user_id = ?8, status = ?9, joined_on = "
                                           "?10, target_signups = ?11, updated_at = ?12"
                                           " WHERE region_code = ?1 AND id = ?2"));
  KC_RETURN_IF_ERROR(s.Bind(1, a.region_code)
                         .Bind(2, a.id)
                         .Bind(3, a.kecamatan_code)
                         .Bind(4, a.kelurahan_code)
                         .Bind(5, a.name)
                         .Bind(6, a.phone)
                         .Bind(7, a.email)
                         .Bind(8, a.user_id)
                         .Bind(9, ToString(a.status))
                         .Bind(10, a.joined_on)
                         .Bind(11, a.target_signups)
                         .Bind(12, a.updated_at)
                         .Run());
  return conn.Changes() > 0;
}

Result<std::optional<Agent>> FindAgent(Connection& conn, std::string_view region, int64_t id) {
  return FindOne(conn, "id = ?2", region, id);
}

Result<std::optional<Agent>> FindAgentByCode(Connection& conn, std::string_view region,
                                             std::string_view code) {
  return FindOne(conn, "referral_code = ?2", region, code);
}

Result<std::optional<Agent>> FindAgentByUser(Connection& conn, std::string_view region,
                                             int64_t user_id) {
  return FindOne(conn, "user_id = ?2", region, user_id);
}

Result<std::vector<Agent>> ListAgents(Connection& conn, std::string_view region,
                                      std::optional<std::string_view> kecamatan) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("SELECT " + std::string(kAgentColumns) +
                                           " FROM community_agents WHERE region_code = ?1"
                                           " AND (?2 IS NULL OR kecamatan_code = ?2)"
                                           " ORDER BY kecamatan_code, id"));
  s.Bind(1, region).Bind(2, kecamatan);
  std::vector<Agent> out;
  while (true) {
    KC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(ReadAgent(s));
  }
  return out;
}

Result<int64_t> InsertTraining(Connection& conn, const Training& t, std::string_view now) {
  KC_ASSIGN_OR_RETURN(auto s,
                      conn.Prepare("INSERT INTO community_trainings (region_code, held_on,"
                                   " topic, place, created_at) VALUES (?1, ?2, ?3, ?4, ?5)"));
  KC_RETURN_IF_ERROR(s.Bind(1, t.region_code)
                         .Bind(2, t.held_on)
                         .Bind(3, t.topic)
                         .Bind(4, t.place)
                         .Bind(5, now)
                         .Run());
  return conn.LastInsertId();
}

Status SetAttendance(Connection& conn, int64_t training_id, const std::vector<Attendance>& rows) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("INSERT INTO community_training_attendance (training_id,"
                                           " agent_id, attended) VALUES (?1, ?2, ?3)"
                                           " ON CONFLICT (training_id, agent_id)"
                                           " DO UPDATE SET attended = excluded.attended"));
  for (const auto& r : rows) {
    KC_RETURN_IF_ERROR(
        s.Bind(1, training_id).Bind(2, r.agent_id).Bind(3, r.attended ? 1 : 0).Run());
  }
  return Ok();
}

Result<std::optional<Training>> FindTraining(Connection& conn, std::string_view region,
                                             int64_t id) {
  KC_ASSIGN_OR_RETURN(auto all, ListTrainings(conn, region));
  for (auto& t : all) {
    if (t.id == id) return std::optional<Training>(std::move(t));
  }
  return std::optional<Training>();
}

Result<std::vector<Training>> ListTrainings(Connection& conn, std::string_view region) {
  KC_ASSIGN_OR_RETURN(auto s,
                      conn.Prepare("SELECT id, held_on, topic, place FROM community_trainings"
                                   " WHERE region_code = ?1 ORDER BY held_on DESC, id DESC"));
  s.Bind(1, region);
  std::vector<Training> out;
  while (true) {
    KC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back({.id = s.Int(0),
                   .region_code = std::string(region),
                   .held_on = s.String(1),
                   .topic = s.String(2),
                   .place = s.String(3)});
  }
  KC_ASSIGN_OR_RETURN(auto a, conn.Prepare("SELECT a.training_id, a.agent_id, a.attended"
                                           " FROM community_training_attendance a"
                                           " JOIN community_trainings t ON t.id = a.training_id"
                                           " WHERE t.region_code = ?1 ORDER BY a.agent_id"));
  a.Bind(1, region);
  while (true) {
    KC_ASSIGN_OR_RETURN(bool row, a.Step());
    if (!row) break;
    for (auto& t : out) {
      if (t.id == a.Int(0)) t.attendance.push_back({a.Int(1), a.Int(2) != 0});
    }
  }
  return out;
}

Result<std::vector<std::pair<Training, bool>>> AgentTrainings(Connection& conn, int64_t agent_id) {
  KC_ASSIGN_OR_RETURN(auto s,
                      conn.Prepare("SELECT t.id, t.region_code, t.held_on, t.topic, t.place,"
                                   " a.attended FROM community_training_attendance a"
                                   " JOIN community_trainings t ON t.id = a.training_id"
                                   " WHERE a.agent_id = ?1 ORDER BY t.held_on DESC, t.id DESC"));
  s.Bind(1, agent_id);
  std::vector<std::pair<Training, bool>> out;
  while (true) {
    KC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back({Training{.id = s.Int(0),
                            .region_code = s.String(1),
                            .held_on = s.String(2),
                            .topic = s.String(3),
                            .place = s.String(4)},
                   s.Int(5) != 0});
  }
  return out;
}

Result<std::optional<int64_t>> ReferralOf(Connection& conn, std::string_view region,
                                          int64_t user_id) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("SELECT agent_id FROM community_referrals"
                                           " WHERE region_code = ?1 AND user_id = ?2"));
  s.Bind(1, region).Bind(2, user_id);
  KC_ASSIGN_OR_RETURN(bool row, s.Step());
  return row ? std::optional<int64_t>(s.Int(0)) : std::nullopt;
}

Status InsertReferral(Connection& conn, std::string_view region, int64_t user_id, int64_t agent_id,
                      std::string_view now) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("INSERT INTO community_referrals (region_code, user_id,"
                                           " agent_id, claimed_at) VALUES (?1, ?2, ?3, ?4)"
                                           " ON CONFLICT (region_code, user_id) DO NOTHING"));
  KC_RETURN_IF_ERROR(s.Bind(1, region).Bind(2, user_id).Bind(3, agent_id).Bind(4, now).Run());
  if (conn.Changes() == 0) {
    return Error(ErrorCode::kConflict,
                 {"Akun ini sudah tercatat melalui kode referal lain di wilayah ini.",
                  "This account is already attributed to a referral code in this region."},
                 "already_attributed");
  }
  return Ok();
}

Result<std::optional<int64_t>> AttributeReport(Connection& conn, std::string_view region,
                                               int64_t report_id, std::string_view code) {
  const auto normal = NormalizeReferralCode(code);
  if (!normal) return std::optional<int64_t>();
  KC_ASSIGN_OR_RETURN(auto agent, FindAgentByCode(conn, region, *normal));
  if (!agent || agent->status != AgentStatus::kActive) return std::optional<int64_t>();
  KC_ASSIGN_OR_RETURN(auto s,
                      conn.Prepare("INSERT INTO community_report_attributions (report_id,"
                                   " region_code, agent_id, created_at) VALUES (?1, ?2, ?3, ?4)"
                                   " ON CONFLICT (report_id) DO NOTHING"));
  KC_RETURN_IF_ERROR(
      s.Bind(1, report_id).Bind(2, region).Bind(3, agent->id).Bind(4, FormatUtc(NowUtc())).Run());
  if (conn.Changes() == 0) return std::optional<int64_t>();
  return std::optional<int64_t>(agent->id);
}

Result<std::vector<SignupEvent>> LoadSignups(Connection& conn, std::string_view region,
                                             std::string_view from, std::string_view to) {
  KC_ASSIGN_OR_RETURN(auto s,
                      conn.Prepare("SELECT agent_id, user_id, claimed_at FROM community_referrals"
                                   " WHERE region_code = ?1 AND claimed_at >= ?2"
                                   " AND claimed_at < ?3"));
  s.Bind(1, region).Bind(2, from).Bind(3, to);
  std::vector<SignupEvent> out;
  while (true) {
    KC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back({s.Int(0), s.Int(1), ParsedOrZero(s.Text(2))});
  }
  return out;
}

Result<std::vector<ReportEvent>> LoadReportEvents(Connection& conn, std::string_view region,
                                                  std::string_view from, std::string_view to) {
  // Explicit attributions (kind 0) sort before referral-derived ones (kind 1): first one wins.
  KC_ASSIGN_OR_RETURN(
      auto s,
      conn.Prepare("SELECT 0, r.id, a.agent_id, r.reporter_user_id, r.created_at"
                   " FROM community_report_attributions a JOIN reports r ON r.id = a.report_id"
                   " WHERE a.region_code = ?1 AND r.created_at >= ?2 AND r.created_at < ?3"
                   " UNION ALL"
                   " SELECT 1, r.id, f.agent_id, r.reporter_user_id, r.created_at"
                   " FROM reports r JOIN community_referrals f"
                   "   ON f.region_code = r.region_code AND f.user_id = r.reporter_user_id"
                   " WHERE r.region_code = ?1 AND r.created_at >= ?2 AND r.created_at < ?3"
                   "   AND r.created_at >= f.claimed_at"
                   " ORDER BY 1, 2"));
  s.Bind(1, region).Bind(2, from).Bind(3, to);
  std::vector<ReportEvent> out;
  std::unordered_set<int64_t> seen;
  while (true) {
    KC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    if (!seen.insert(s.Int(1)).second) continue;
    ReportEvent e{.report_id = s.Int(1), .agent_id = s.Int(2)};
    if (!s.IsNull(3)) e.user_id = s.Int(3);
    e.at = ParsedOrZero(s.Text(4));
    out.push_back(e);
  }
  return out;
}

}  // namespace kc::community::db
