// The national summary on SQLite (summary.h): refreshing one region's row from its own data,
// and the national read over the maintained rows.
#include <array>
#include <utility>

#include "masterplan/summary.h"

namespace kc::masterplan {
namespace {

using store::Connection;

// A mean in hundredths, rounded half up; nullopt without values.
std::optional<int> Hundredths(int64_t sum, int64_t count) {
  if (count == 0) return std::nullopt;
  return static_cast<int>((sum * 200 + count) / (2 * count));
}

// Runs `sql` with the int64 parameters and returns its first row's integer columns (0 for
// NULL), or nullopt when there is no row.
template <size_t N>
Result<std::optional<std::array<int64_t, N>>> Ints(Connection& conn, std::string_view sql,
                                                   std::initializer_list<int64_t> params) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare(sql));
  int i = 1;
  for (int64_t p : params) s.Bind(i++, p);
  KC_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<std::array<int64_t, N>>();
  std::array<int64_t, N> out{};
  for (size_t c = 0; c < N; ++c) out[c] = s.Int(static_cast<int>(c));
  return std::optional(out);
}

struct PlanRef {
  int64_t id = 0, version_id = 0;
  int start_year = 0, end_year = 0, version_number = 0;
  std::string status;
};

Result<std::optional<PlanRef>> CurrentPlan(Connection& conn, std::string_view region) {
  KC_ASSIGN_OR_RETURN(
      auto s,
      conn.Prepare(
          "SELECT m.id, m.start_year, m.end_year, v.id, v.number, v.status FROM masterplans m"
          " JOIN masterplan_versions v ON v.masterplan_id = m.id WHERE m.region_code = ?1"
          " ORDER BY m.start_year DESC, v.number DESC LIMIT 1"));
  s.Bind(1, region);
  KC_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<PlanRef>();
  return std::optional(PlanRef{s.Int(0), s.Int(3), static_cast<int>(s.Int(1)),
                               static_cast<int>(s.Int(2)), static_cast<int>(s.Int(4)),
                               s.String(5)});
}

// The region's total evaluation index in its two newest rounds.
Status ReadEvaluation(Connection& conn, std::string_view region, RegionSummary& out) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("SELECT e.idx, r.year, r.round FROM evaluations e JOIN "
                                           "evaluation_rounds r ON r.id = e.round_id"
                                           " WHERE e.region_code = ?1 AND e.dimension = '' ORDER "
                                           "BY r.year DESC, r.round DESC LIMIT 2"));
  s.Bind(1, region);
  KC_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Ok();
  out.eval_index = static_cast<int>(s.Int(0));
  out.eval_round = std::to_string(s.Int(1)) + "-" + std::to_string(s.Int(2));
  KC_ASSIGN_OR_RETURN(row, s.Step());
  if (row) out.eval_previous = static_cast<int>(s.Int(0));
  return Ok();
}

// Programs of the latest version with their planned budget, realised budget and the latest
// realisation of each; progress reports refer to programs by number, so the join is on it.
Status ReadPrograms(Connection& conn, const PlanRef& plan, RegionSummary& out) {
  KC_ASSIGN_OR_RETURN(
      auto p, Ints<3>(conn,
                      "SELECT COUNT(*), COALESCE(SUM((SELECT SUM(json_extract(j.value, '$.amount'))"
                      " FROM json_each(p.budget) j)), 0), COALESCE(SUM((SELECT pp.realisation FROM "
                      "program_progress pp"
                      " WHERE pp.masterplan_id = ?2 AND pp.program_no = p.no ORDER BY "
                      "pp.period_end DESC LIMIT 1)), 0)"
                      " FROM programs p WHERE p.version_id = ?1",
                      {plan.version_id, plan.id}));
  out.programs = static_cast<int>((*p)[0]);
  out.budget_planned = (*p)[1];
  out.progress = Hundredths((*p)[2], (*p)[0]).value_or(0);
  KC_ASSIGN_OR_RETURN(
      auto r,
      Ints<1>(conn,
              "SELECT COALESCE(SUM(pp.budget_realised), 0) FROM program_progress pp JOIN programs p"
              " ON p.version_id = ?1 AND p.no = pp.program_no WHERE pp.masterplan_id = ?2",
              {plan.version_id, plan.id}));
  out.budget_realised = (*r)[0];
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("SELECT period FROM program_progress WHERE masterplan_id"
                                           " = ?1 ORDER BY period_end DESC LIMIT 1"));
  s.Bind(1, plan.id);
  KC_ASSIGN_OR_RETURN(bool row, s.Step());
  if (row) out.latest_period = s.String(0);
  return Ok();
}

Result<RegionSummary> Compute(Connection& conn, std::string_view region, const PlanRef& plan) {
  RegionSummary out{.region_code = std::string(region),
                    .has_plan = true,
                    .masterplan_id = plan.id,
                    .start_year = plan.start_year,
                    .end_year = plan.end_year,
                    .version_number = plan.version_number,
                    .version_status = plan.status};
  KC_ASSIGN_OR_RETURN(auto st, Ints<1>(conn,
                                       "SELECT COUNT(*) FROM bimtek_stages WHERE"
                                       " masterplan_id = ?1 AND completed_at IS NOT NULL",
                                       {plan.id}));
  out.stages_completed = static_cast<int>((*st)[0]);
  KC_ASSIGN_OR_RETURN(auto rd, Ints<2>(conn,
                                       "SELECT COALESCE(SUM(score), 0), COUNT(*) FROM"
                                       " readiness_scores WHERE version_id = ?1",
                                       {plan.version_id}));
  out.readiness_avg = Hundredths((*rd)[0], (*rd)[1]);
  KC_ASSIGN_OR_RETURN(auto mt, Ints<2>(conn,
                                       "SELECT COALESCE(SUM(level), 0), COUNT(*) FROM"
                                       " maturity_levels WHERE version_id = ?1",
                                       {plan.version_id}));
  out.maturity_avg = Hundredths((*mt)[0], (*mt)[1]);
  // The final quick wins with the realisation of each one's latest progress report (0 before
  // its first); quick-win reports refer to quick wins by number, as program reports do.
  KC_ASSIGN_OR_RETURN(
      auto qw, Ints<2>(conn,
                       "SELECT COUNT(*), COALESCE(SUM((SELECT qp.realisation FROM"
                       " quick_win_progress qp WHERE qp.masterplan_id = ?2 AND qp.quick_win_no ="
                       " q.no ORDER BY qp.period_end DESC LIMIT 1)), 0) FROM quick_wins q"
                       " WHERE q.version_id = ?1 AND q.state = 'final'",
                       {plan.version_id, plan.id}));
  out.quick_wins_final = static_cast<int>((*qw)[0]);
  const int64_t n = (*qw)[0];
  out.quick_win_progress = n == 0 ? 0 : static_cast<int>(((*qw)[1] * 2 + n) / (2 * n));
  KC_RETURN_IF_ERROR(ReadEvaluation(conn, region, out));
  KC_RETURN_IF_ERROR(ReadPrograms(conn, plan, out));
  return out;
}

Status Store(Connection& conn, const RegionSummary& r, std::string_view now) {
  KC_ASSIGN_OR_RETURN(
      auto s,
      conn.Prepare("INSERT OR REPLACE INTO masterplan_region_summary (region_code, masterplan_id, "
                   "start_year,"
                   " end_year, stages_completed, version_number, version_status, readiness_avg, "
                   "maturity_avg,"
                   " eval_index, eval_previous, eval_round, programs, budget_planned, "
                   "budget_realised, progress,"
                   " quick_wins_final, quick_win_progress, latest_period, updated_at) VALUES (?1, "
                   "?2, ?3, ?4,"
                   " ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)"));
  s.Bind(1, r.region_code).Bind(2, r.masterplan_id).Bind(3, r.start_year).Bind(4, r.end_year);
  s.Bind(5, r.stages_completed).Bind(6, r.version_number).Bind(7, r.version_status);
  s.Bind(8, r.readiness_avg)
      .Bind(9, r.maturity_avg)
      .Bind(10, r.eval_index)
      .Bind(11, r.eval_previous);
  s.Bind(12, r.eval_round.empty() ? std::optional<std::string>() : r.eval_round);
  s.Bind(13, r.programs)
      .Bind(14, r.budget_planned)
      .Bind(15, r.budget_realised)
      .Bind(16, r.progress);
  s.Bind(17, r.quick_wins_final).Bind(18, r.quick_win_progress);
  s.Bind(19, r.latest_period.empty() ? std::optional<std::string>() : r.latest_period);
  return s.Bind(20, now).Run();
}

}  // namespace

Status RefreshRegionSummary(Connection& conn, std::string_view region_code, std::string_view now) {
  KC_ASSIGN_OR_RETURN(auto plan, CurrentPlan(conn, region_code));
  if (!plan) {
    KC_ASSIGN_OR_RETURN(
        auto del, conn.Prepare("DELETE FROM masterplan_region_summary WHERE region_code = ?1"));
    return del.Bind(1, region_code).Run();
  }
  KC_ASSIGN_OR_RETURN(RegionSummary row, Compute(conn, region_code, *plan));
  return Store(conn, row, now);
}

Status RefreshAllSummaries(Connection& conn, std::string_view now) {
  KC_ASSIGN_OR_RETURN(auto s, conn.Prepare("SELECT code FROM regions ORDER BY code"));
  std::vector<std::string> codes;
  while (true) {
    KC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    codes.push_back(s.String(0));
  }
  for (const std::string& code : codes) KC_RETURN_IF_ERROR(RefreshRegionSummary(conn, code, now));
  return Ok();
}

}  // namespace kc::masterplan
