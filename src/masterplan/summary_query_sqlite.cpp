// The national read over the maintained summary rows (summary.h): every region, its province
// and its row (when it has a masterplan), filtered and sorted in SQL.
#include <array>
#include <utility>

#include "masterplan/summary.h"

namespace kc::masterplan {
namespace {

// Sort key -> SQL expression. Whitelisted: the ORDER BY is composed from these only.
constexpr std::array<std::pair<std::string_view, std::string_view>, 11> kSorts = {{
    {"region", "r.name"},
    {"province", "a.name"},
    {"stage", "stage"},
    {"readiness", "s.readiness_avg"},
    {"maturity", "s.maturity_avg"},
    {"index", "s.eval_index"},
    {"trend", "s.eval_index - s.eval_previous"},
    {"programs", "s.programs"},
    {"budget_planned", "s.budget_planned"},
    {"budget_realised", "s.budget_realised"},
    {"progress", "s.progress"},
}};

constexpr std::string_view kSelect =
    "SELECT r.code, r.name, r.type, a.code, a.name, s.masterplan_id, s.start_year, s.end_year,"
    " s.stages_completed, s.version_number, s.version_status, s.readiness_avg, s.maturity_avg,"
    " s.eval_index, s.eval_previous, s.eval_round, s.programs, s.budget_planned,"
    " s.budget_realised, s.progress, s.quick_wins_final, s.quick_win_progress, s.latest_period,"
    " CASE WHEN s.region_code IS NULL THEN 0 ELSE MIN(s.stages_completed + 1, 4) END AS stage"
    " FROM regions r LEFT JOIN areas a ON a.code = substr(r.code, 1, instr(r.code, '.') - 1)"
    " LEFT JOIN masterplan_region_summary s ON s.region_code = r.code"
    " WHERE (?1 IS NULL OR a.code = ?1) AND (?2 IS NULL OR stage = ?2)";

std::optional<int> OptInt(const store::Statement& s, int col) {
  if (s.IsNull(col)) return std::nullopt;
  return static_cast<int>(s.Int(col));
}

RegionSummary Read(const store::Statement& s) {
  RegionSummary r{.region_code = s.String(0),
                  .region_name = s.String(1),
                  .region_type = s.String(2),
                  .province_code = s.String(3),
                  .province_name = s.String(4),
                  .has_plan = !s.IsNull(5)};
  if (!r.has_plan) return r;
  r.masterplan_id = s.Int(5);
  r.start_year = static_cast<int>(s.Int(6));
  r.end_year = static_cast<int>(s.Int(7));
  r.stages_completed = static_cast<int>(s.Int(8));
  r.stage = static_cast<int>(s.Int(23));
  r.version_number = static_cast<int>(s.Int(9));
  r.version_status = s.String(10);
  r.readiness_avg = OptInt(s, 11);
  r.maturity_avg = OptInt(s, 12);
  r.eval_index = OptInt(s, 13);
  r.eval_previous = OptInt(s, 14);
  if (!s.IsNull(15)) r.eval_round = s.String(15);
  r.programs = static_cast<int>(s.Int(16));
  r.budget_planned = s.Int(17);
  r.budget_realised = s.Int(18);
  r.progress = static_cast<int>(s.Int(19));
  r.quick_wins_final = static_cast<int>(s.Int(20));
  r.quick_win_progress = static_cast<int>(s.Int(21));
  if (!s.IsNull(22)) r.latest_period = s.String(22);
  return r;
}

}  // namespace

bool IsSummarySortKey(std::string_view key) {
  for (const auto& [k, expr] : kSorts) {
    if (k == key) return true;
  }
  return false;
}

Result<std::vector<RegionSummary>> NationalSummary(store::Connection& conn,
                                                   const NationalQuery& q) {
  std::string_view expr = "r.name";
  for (const auto& [k, e] : kSorts) {
    if (k == q.sort) expr = e;
  }
  // Empty values last in both directions, then the region code for a stable order.
  const std::string sql = std::string(kSelect) + " ORDER BY (" + std::string(expr) + ") IS NULL, " +
                          std::string(expr) + (q.descending ? " DESC" : "") + ", r.code";
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare(sql));
  s.Bind(1, q.province).Bind(2, q.stage);
  std::vector<RegionSummary> out;
  while (true) {
    KC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(Read(s));
  }
  return out;
}

}  // namespace kc::masterplan
