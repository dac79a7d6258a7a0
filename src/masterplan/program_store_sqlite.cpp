// Programs and quick wins on SQLite (masterplan_store.h). Supporting OPDs, budget lines and KPIs
// are JSON arrays in their program row: they are always read and written with the program.
#include <boost/json.hpp>
#include <string>

#include "masterplan/masterplan_store.h"

namespace kc::masterplan::db {
namespace {

namespace json = boost::json;

std::string ToJson(const Program& p, int which) {
  json::array a;
  if (which == 0) {
    for (int64_t id : p.supporting_opd_ids) a.push_back(id);
  } else if (which == 1) {
    for (const BudgetLine& b : p.budget) a.push_back({{"year", b.year}, {"source", b.source}, {"amount", b.amount}});
  } else {
    for (const Kpi& k : p.kpis) {
      json::object targets;
      for (const auto& [year, t] : k.targets) targets[std::to_string(year)] = t;
      a.push_back({{"name", k.name}, {"unit", k.unit}, {"baseline", k.baseline}, {"targets", std::move(targets)}});
    }
  }
  return json::serialize(a);
}

// Parses the JSON columns written by ToJson (trusted: only this file writes them).
Status FromJson(std::string_view supporting, std::string_view budget, std::string_view kpis, Program& p) {
  boost::system::error_code ec;
  const json::value s = json::parse(supporting, ec);
  const json::value b = ec ? json::value() : json::parse(budget, ec);
  const json::value k = ec ? json::value() : json::parse(kpis, ec);
  if (ec || !s.is_array() || !b.is_array() || !k.is_array()) return Internal("program JSON columns");
  for (const auto& id : s.as_array()) p.supporting_opd_ids.push_back(id.to_number<int64_t>());
  for (const auto& line : b.as_array()) {
    p.budget.push_back({line.at("year").to_number<int>(), std::string(line.at("source").as_string()),
                        line.at("amount").to_number<int64_t>()});
  }
  for (const auto& kpi : k.as_array()) {
    Kpi x{std::string(kpi.at("name").as_string()), std::string(kpi.at("unit").as_string()),
          kpi.at("baseline").to_number<double>(), {}};
    for (const auto& t : kpi.at("targets").as_object()) x.targets[std::stoi(std::string(t.key()))] = t.value().to_number<double>();
    p.kpis.push_back(std::move(x));
  }
  return Ok();
}

Result<int> NextNo(Connection& conn, std::string_view table, int64_t version_id) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("SELECT COALESCE(MAX(no), 0) + 1 FROM " + std::string(table) +
                                           " WHERE version_id = ?1"));
  s.Bind(1, version_id);
  KC_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Internal("numbering");
  return static_cast<int>(s.Int(0));
}

Result<bool> DeleteNo(Connection& conn, std::string_view table, int64_t version_id, int no) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("DELETE FROM " + std::string(table) + " WHERE version_id = ?1 AND no = ?2"));
  KC_RETURN_IF_ERROR(s.Bind(1, version_id).Bind(2, no).Run());
  return conn.Changes() > 0;
}

}  // namespace

Result<std::vector<Program>> LoadPrograms(Connection& conn, int64_t version_id) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("SELECT no, dimension, element, name, description, owner_opd_id,"
                                           " horizon, start_year, end_year, location, refs, status,"
                                           " supporting, budget, kpis FROM programs WHERE version_id = ?1"
                                           " ORDER BY no"));
  s.Bind(1, version_id);
  std::vector<Program> out;
  while (true) {
    KC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    Program p{.no = static_cast<int>(s.Int(0)), .dimension = s.String(1), .element = s.String(2),
              .name = s.String(3), .description = s.String(4), .owner_opd_id = s.Int(5)};
    p.horizon = HorizonFromString(s.Text(6)).value_or(Horizon::kMenengah);
    p.start_year = static_cast<int>(s.Int(7));
    p.end_year = static_cast<int>(s.Int(8));
    if (!s.IsNull(9)) p.location_code = s.String(9);
    p.references = s.String(10);
    p.status = ProgramStatusFromString(s.Text(11)).value_or(ProgramStatus::kPlanned);
    KC_RETURN_IF_ERROR(FromJson(s.Text(12), s.Text(13), s.Text(14), p));
    out.push_back(std::move(p));
  }
  return out;
}

Result<int> SaveProgram(Connection& conn, int64_t version_id, const Program& p) {
  int no = p.no;
  if (no == 0) {
    KC_ASSIGN_OR_RETURN(no, NextNo(conn, "programs", version_id));
  }
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("INSERT OR REPLACE INTO programs (version_id, no, dimension,"
                                           " element, name, description, owner_opd_id, horizon,"
                                           " start_year, end_year, location, refs, status, supporting,"
                                           " budget, kpis) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
                                           " ?10, ?11, ?12, ?13, ?14, ?15, ?16)"));
  KC_RETURN_IF_ERROR(s.Bind(1, version_id).Bind(2, no).Bind(3, p.dimension).Bind(4, p.element)
                         .Bind(5, p.name).Bind(6, p.description).Bind(7, p.owner_opd_id)
                         .Bind(8, ToString(p.horizon)).Bind(9, p.start_year).Bind(10, p.end_year)
                         .Bind(11, p.location_code).Bind(12, p.references).Bind(13, ToString(p.status))
                         .Bind(14, ToJson(p, 0)).Bind(15, ToJson(p, 1)).Bind(16, ToJson(p, 2)).Run());
  return no;
}

Result<bool> DeleteProgram(Connection& conn, int64_t version_id, int no) {
  return DeleteNo(conn, "programs", version_id, no);
}

Result<std::vector<QuickWin>> LoadQuickWins(Connection& conn, int64_t version_id) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("SELECT no, dimension, name, description, state, reason,"
                                           " owner_opd_id, start_date, end_date, budget, milestones,"
                                           " progress FROM quick_wins WHERE version_id = ?1 ORDER BY no"));
  s.Bind(1, version_id);
  std::vector<QuickWin> out;
  while (true) {
    KC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    QuickWin q{.no = static_cast<int>(s.Int(0)), .dimension = s.String(1), .name = s.String(2),
               .description = s.String(3)};
    q.state = QuickWinStateFromString(s.Text(4)).value_or(QuickWinState::kCandidate);
    q.reason = s.String(5);
    if (!s.IsNull(6)) q.owner_opd_id = s.Int(6);
    if (!s.IsNull(7)) q.start_date = s.String(7);
    if (!s.IsNull(8)) q.end_date = s.String(8);
    q.budget = s.Int(9);
    q.milestones = s.String(10);
    q.progress = static_cast<int>(s.Int(11));
    out.push_back(std::move(q));
  }
  return out;
}

Result<int> SaveQuickWin(Connection& conn, int64_t version_id, const QuickWin& q) {
  int no = q.no;
  if (no == 0) {
    KC_ASSIGN_OR_RETURN(no, NextNo(conn, "quick_wins", version_id));
  }
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("INSERT OR REPLACE INTO quick_wins (version_id, no, dimension,"
                                           " name, description, state, reason, owner_opd_id, start_date,"
                                           " end_date, budget, milestones, progress) VALUES (?1, ?2, ?3,"
                                           " ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"));
  KC_RETURN_IF_ERROR(s.Bind(1, version_id).Bind(2, no).Bind(3, q.dimension).Bind(4, q.name)
                         .Bind(5, q.description).Bind(6, ToString(q.state)).Bind(7, q.reason)
                         .Bind(8, q.owner_opd_id).Bind(9, q.start_date).Bind(10, q.end_date)
                         .Bind(11, q.budget).Bind(12, q.milestones).Bind(13, q.progress).Run());
  return no;
}

Result<bool> DeleteQuickWin(Connection& conn, int64_t version_id, int no) {
  return DeleteNo(conn, "quick_wins", version_id, no);
}

}  // namespace kc::masterplan::db
