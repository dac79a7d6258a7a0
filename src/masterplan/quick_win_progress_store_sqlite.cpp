// Quick-win progress reports on SQLite (progress_store.h). Milestones done are a JSON array in
// the row.
#include <boost/json.hpp>

#include "masterplan/progress_store.h"

namespace kc::masterplan::db {
namespace {

namespace json = boost::json;

constexpr std::string_view kColumns =
    "quick_win_no, period, revision, owner_opd_id, realisation, budget_realised, "
    "milestones_done, narrative, evidence_url, submitted_by, submitted_at";
constexpr std::string_view kCheckColumns = ", check_state, checked_by, checked_at, check_note";

std::string MilestonesJson(const std::vector<std::string>& done) {
  json::array a;
  for (const std::string& m : done) a.emplace_back(m);
  return json::serialize(a);
}

// Reads kColumns (and kCheckColumns when `with_check`); the JSON column is written only here.
Result<QuickWinReport> Read(const store::Statement& s, bool with_check) {
  QuickWinReport r{.quick_win_no = static_cast<int>(s.Int(0)),
                   .period = s.String(1),
                   .revision = static_cast<int>(s.Int(2)),
                   .owner_opd_id = s.Int(3),
                   .realisation = static_cast<int>(s.Int(4)),
                   .budget_realised = s.Int(5)};
  boost::system::error_code ec;
  const json::value done = json::parse(s.Text(6), ec);
  if (ec || !done.is_array()) return Internal("quick win progress milestones_done column");
  for (const auto& m : done.as_array()) {
    if (!m.is_string()) return Internal("quick win progress milestones_done column");
    r.milestones_done.emplace_back(m.as_string());
  }
  r.narrative = s.String(7);
  r.evidence_url = s.String(8);
  r.submitted_by = s.String(9);
  r.submitted_at = s.String(10);
  if (with_check) {
    KC_ASSIGN_OR_RETURN(r.check, ReadCheck(s, 11));
  }
  return r;
}

Result<std::vector<QuickWinReport>> ReadAll(store::Statement& s, bool with_check) {
  std::vector<QuickWinReport> out;
  while (true) {
    KC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    KC_ASSIGN_OR_RETURN(auto r, Read(s, with_check));
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

Result<std::vector<QuickWinReport>> LoadQuickWinProgress(Connection& conn, int64_t plan_id,
                                                         int no) {
  KC_ASSIGN_OR_RETURN(auto s,
                      conn.Prepare("SELECT " + std::string(kColumns) + std::string(kCheckColumns) +
                                   " FROM quick_win_progress WHERE masterplan_id = ?1"
                                   " AND quick_win_no = ?2 ORDER BY period_end"));
  s.Bind(1, plan_id).Bind(2, no);
  return ReadAll(s, true);
}

Result<std::vector<QuickWinReport>> LoadQuickWinHistory(Connection& conn, int64_t plan_id, int no) {
  KC_ASSIGN_OR_RETURN(auto s,
                      conn.Prepare("SELECT " + std::string(kColumns) +
                                   " FROM quick_win_progress_history WHERE"
                                   " masterplan_id = ?1 AND quick_win_no = ?2 ORDER BY id"));
  s.Bind(1, plan_id).Bind(2, no);
  return ReadAll(s, false);
}

Result<std::vector<QuickWinReport>> LoadQuickWinPeriod(Connection& conn, int64_t plan_id,
                                                       std::string_view period) {
  KC_ASSIGN_OR_RETURN(auto s,
                      conn.Prepare("SELECT " + std::string(kColumns) + std::string(kCheckColumns) +
                                   " FROM quick_win_progress WHERE masterplan_id = ?1"
                                   " AND period = ?2 ORDER BY quick_win_no"));
  s.Bind(1, plan_id).Bind(2, period);
  return ReadAll(s, true);
}

Status SaveQuickWinProgress(Connection& conn, int64_t plan_id, const QuickWinReport& r,
                            const Period& p) {
  const std::string done = MilestonesJson(r.milestones_done);
  KC_ASSIGN_OR_RETURN(
      auto cur,
      conn.Prepare("INSERT OR REPLACE INTO quick_win_progress (masterplan_id, quick_win_no,"
                   " period, period_start, period_end, revision, owner_opd_id, realisation,"
                   " budget_realised, milestones_done, narrative, evidence_url, submitted_by,"
                   " submitted_at, check_state, checked_by, checked_at, check_note) VALUES (?1,"
                   " ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 'diajukan', NULL,"
                   " NULL, '')"));
  cur.Bind(1, plan_id).Bind(2, r.quick_win_no).Bind(3, r.period).Bind(4, p.start).Bind(5, p.end);
  cur.Bind(6, r.revision).Bind(7, r.owner_opd_id).Bind(8, r.realisation);
  cur.Bind(9, r.budget_realised).Bind(10, done).Bind(11, r.narrative).Bind(12, r.evidence_url);
  KC_RETURN_IF_ERROR(cur.Bind(13, r.submitted_by).Bind(14, r.submitted_at).Run());
  KC_ASSIGN_OR_RETURN(
      auto hist,
      conn.Prepare("INSERT INTO quick_win_progress_history (masterplan_id, quick_win_no, period,"
                   " revision, owner_opd_id, realisation, budget_realised, milestones_done,"
                   " narrative, evidence_url, submitted_by, submitted_at) VALUES (?1, ?2, ?3,"
                   " ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"));
  hist.Bind(1, plan_id).Bind(2, r.quick_win_no).Bind(3, r.period).Bind(4, r.revision);
  hist.Bind(5, r.owner_opd_id).Bind(6, r.realisation).Bind(7, r.budget_realised).Bind(8, done);
  hist.Bind(9, r.narrative).Bind(10, r.evidence_url).Bind(11, r.submitted_by);
  return hist.Bind(12, r.submitted_at).Run();
}

Result<bool> SetQuickWinCheck(Connection& conn, int64_t plan_id, int no, std::string_view period,
                              int revision, const ReportCheck& check) {
  KC_ASSIGN_OR_RETURN(
      auto s, conn.Prepare("UPDATE quick_win_progress SET check_state = ?5, checked_by = ?6,"
                           " checked_at = ?7, check_note = ?8 WHERE masterplan_id = ?1 AND"
                           " quick_win_no = ?2 AND period = ?3 AND revision = ?4"));
  s.Bind(1, plan_id).Bind(2, no).Bind(3, period).Bind(4, revision);
  s.Bind(5, ToString(check.state)).Bind(6, check.by).Bind(7, check.at).Bind(8, check.note);
  KC_RETURN_IF_ERROR(s.Run());
  return conn.Changes() == 1;
}

}  // namespace kc::masterplan::db
