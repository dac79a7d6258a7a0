// Progress reports on SQLite (progress_store.h). KPI actuals are a JSON array in the row.
#include <boost/json.hpp>

#include "masterplan/progress_store.h"

namespace kc::masterplan::db {
namespace {

namespace json = boost::json;

constexpr std::string_view kColumns =
    "program_no, period, revision, owner_opd_id, realisation, budget_realised, kpi_actuals, "
    "narrative, evidence_url, submitted_by, submitted_at";
// The current reports' check (migration 0015), after kColumns.
constexpr std::string_view kCheckColumns = ", check_state, checked_by, checked_at, check_note";

std::string KpisJson(const std::vector<KpiActual>& kpis) {
  json::array a;
  for (const KpiActual& k : kpis) a.push_back({{"name", k.name}, {"value", k.value}});
  return json::serialize(a);
}

// Reads kColumns; the JSON column is written only by this file.
Result<ProgressReport> Read(const store::Statement& s) {
  ProgressReport r{.program_no = static_cast<int>(s.Int(0)),
                   .period = s.String(1),
                   .revision = static_cast<int>(s.Int(2)),
                   .owner_opd_id = s.Int(3),
                   .realisation = static_cast<int>(s.Int(4)),
                   .budget_realised = s.Int(5)};
  boost::system::error_code ec;
  const json::value kpis = json::parse(s.Text(6), ec);
  if (ec || !kpis.is_array()) return Internal("progress kpi_actuals column");
  for (const auto& k : kpis.as_array()) {
    r.kpi_actuals.push_back(
        {std::string(k.at("name").as_string()), k.at("value").to_number<double>()});
  }
  r.narrative = s.String(7);
  r.evidence_url = s.String(8);
  r.submitted_by = s.String(9);
  r.submitted_at = s.String(10);
  return r;
}

Result<std::vector<ProgressReport>> ReadAll(store::Statement& s, bool with_check) {
  std::vector<ProgressReport> out;
  while (true) {
    KC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    KC_ASSIGN_OR_RETURN(auto r, Read(s));
    if (with_check) {
      KC_ASSIGN_OR_RETURN(r.check, ReadCheck(s, 11));
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

Result<ReportCheck> ReadCheck(const store::Statement& s, int first) {
  const auto state = CheckStateFromString(s.Text(first));
  if (!state) return Internal("progress check_state column");
  return ReportCheck{.state = *state,
                     .by = s.String(first + 1),
                     .at = s.String(first + 2),
                     .note = s.String(first + 3)};
}

Result<std::vector<ProgressReport>> LoadProgress(Connection& conn, int64_t plan_id, int no) {
  KC_ASSIGN_OR_RETURN(auto s,
                      conn.Prepare("SELECT " + std::string(kColumns) + std::string(kCheckColumns) +
                                   " FROM program_progress WHERE masterplan_id = ?1 AND"
                                   " program_no = ?2 ORDER BY period_end"));
  s.Bind(1, plan_id).Bind(2, no);
  return ReadAll(s, true);
}

Result<std::vector<ProgressReport>> LoadProgressHistory(Connection& conn, int64_t plan_id, int no) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("SELECT " + std::string(kColumns) +
                                           " FROM program_progress_history WHERE masterplan_id = ?1"
                                           " AND program_no = ?2 ORDER BY id"));
  s.Bind(1, plan_id).Bind(2, no);
  return ReadAll(s, false);
}

Result<std::vector<ProgressReport>> LoadPeriod(Connection& conn, int64_t plan_id,
                                               std::string_view period) {
  KC_ASSIGN_OR_RETURN(auto s,
                      conn.Prepare("SELECT " + std::string(kColumns) + std::string(kCheckColumns) +
                                   " FROM program_progress WHERE masterplan_id = ?1 AND"
                                   " period = ?2 ORDER BY program_no"));
  s.Bind(1, plan_id).Bind(2, period);
  return ReadAll(s, true);
}

Status SaveProgress(Connection& conn, int64_t plan_id, const ProgressReport& r, const Period& p) {
  const std::string kpis = KpisJson(r.kpi_actuals);
  KC_ASSIGN_OR_RETURN(
      auto cur,
      conn.Prepare("INSERT OR REPLACE INTO program_progress (masterplan_id, program_no,"
                   " period, period_start, period_end, revision, owner_opd_id, realisation,"
                   " budget_realised, kpi_actuals, narrative, evidence_url, submitted_by,"
                   " submitted_at, check_state, checked_by, checked_at, check_note) VALUES (?1,"
                   " ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 'diajukan', NULL,"
                   " NULL, '')"));
  cur.Bind(1, plan_id).Bind(2, r.program_no).Bind(3, r.period).Bind(4, p.start).Bind(5, p.end);
  cur.Bind(6, r.revision).Bind(7, r.owner_opd_id).Bind(8, r.realisation).Bind(9, r.budget_realised);
  cur.Bind(10, kpis).Bind(11, r.narrative).Bind(12, r.evidence_url).Bind(13, r.submitted_by);
  KC_RETURN_IF_ERROR(cur.Bind(14, r.submitted_at).Run());
  KC_ASSIGN_OR_RETURN(
      auto hist, conn.Prepare("INSERT INTO program_progress_history (masterplan_id, program_no,"
                              " period, revision, owner_opd_id, realisation, budget_realised,"
                              " kpi_actuals, narrative, evidence_url, submitted_by, submitted_at)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"));
  hist.Bind(1, plan_id).Bind(2, r.program_no).Bind(3, r.period).Bind(4, r.revision);
  hist.Bind(5, r.owner_opd_id).Bind(6, r.realisation).Bind(7, r.budget_realised).Bind(8, kpis);
  hist.Bind(9, r.narrative).Bind(10, r.evidence_url).Bind(11, r.submitted_by);
  return hist.Bind(12, r.submitted_at).Run();
}

Result<bool> SetProgressCheck(Connection& conn, int64_t plan_id, int no, std::string_view period,
                              int revision, const ReportCheck& check) {
  KC_ASSIGN_OR_RETURN(auto s,
                      conn.Prepare("UPDATE program_progress SET check_state = ?5, checked_by = ?6,"
                                   " checked_at = ?7, check_note = ?8 WHERE masterplan_id = ?1 AND"
                                   " program_no = ?2 AND period = ?3 AND revision = ?4"));
  s.Bind(1, plan_id).Bind(2, no).Bind(3, period).Bind(4, revision);
  s.Bind(5, ToString(check.state)).Bind(6, check.by).Bind(7, check.at).Bind(8, check.note);
  KC_RETURN_IF_ERROR(s.Run());
  return conn.Changes() == 1;
}

}  // namespace kc::masterplan::db
