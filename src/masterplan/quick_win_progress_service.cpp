// Quick-win progress reports (quick_win_progress_service.h).
#include "masterplan/quick_win_progress_service.h"

#include <algorithm>
#include <boost/json.hpp>

#include "masterplan/masterplan_store.h"
#include "masterplan/progress_service.h"
#include "masterplan/progress_store.h"
#include "masterplan/version_edit.h"

namespace kc::masterplan {
namespace {

Result<QuickWin> FindQuickWin(store::Connection& conn, const Masterplan& plan, int no) {
  KC_ASSIGN_OR_RETURN(auto quick_wins, db::LoadQuickWins(conn, plan.latest.id));
  for (QuickWin& q : quick_wins) {
    if (q.no == no) return std::move(q);
  }
  return Error(ErrorCode::kNotFound, {"Quick win tidak ditemukan.", "No such quick win."},
               "quick_win_not_found");
}

Error NotYourOpd() {
  return Error(ErrorCode::kForbidden,
               {"Quick win ini milik OPD lain.", "This quick win belongs to another OPD."});
}

bool Reports(const QuickWin& q) {
  return q.owner_opd_id &&
         (q.state == QuickWinState::kSelected || q.state == QuickWinState::kFinal);
}

}  // namespace

Result<QuickWinReport> SubmitQuickWinProgress(store::Connection& conn, const WriteContext& ctx,
                                              int64_t plan_id, QuickWinReport r,
                                              const OpdCheck& may_act) {
  KC_ASSIGN_OR_RETURN(Masterplan plan, internal::LoadOrNotFound(conn, ctx.region_code, plan_id));
  KC_ASSIGN_OR_RETURN(QuickWin q, FindQuickWin(conn, plan, r.quick_win_no));
  if (may_act && (!q.owner_opd_id || !may_act(*q.owner_opd_id))) return NotYourOpd();
  Validation v;
  const auto period = ParsePeriod(r.period);
  if (!period) {
    v.Add("period", PeriodFormatMessage());
    return std::move(v).ToError();
  }
  ValidateQuickWinProgress(r, *period, q, plan.start_year, plan.end_year, ctx.now.substr(0, 10), v);
  KC_ASSIGN_OR_RETURN(auto current, db::LoadQuickWinProgress(conn, plan_id, r.quick_win_no));
  std::vector<std::string> periods;
  r.revision = 1;
  for (const QuickWinReport& c : current) {
    periods.push_back(c.period);
    if (c.period == r.period) r.revision = c.revision + 1;
  }
  CheckPeriodKind(*period, periods, v);
  if (!v.ok()) return std::move(v).ToError();
  r.owner_opd_id = *q.owner_opd_id;
  r.submitted_by = ctx.actor.label;
  r.submitted_at = ctx.now;
  r.check = {};
  KC_RETURN_IF_ERROR(db::SaveQuickWinProgress(conn, plan_id, r, *period));
  KC_RETURN_IF_ERROR(internal::Audit(conn, ctx, "quick_win.progress", plan_id,
                                     {{"no", r.quick_win_no},
                                      {"period", r.period},
                                      {"revision", r.revision},
                                      {"realisation", r.realisation},
                                      {"budget_realised", r.budget_realised}}));
  return r;
}

Result<QuickWinReport> CheckQuickWinProgress(store::Connection& conn, const WriteContext& ctx,
                                             int64_t plan_id, int no, const std::string& period,
                                             const CheckRequest& c) {
  KC_RETURN_IF_ERROR(ValidateCheckRequest(period, c));
  KC_ASSIGN_OR_RETURN(Masterplan plan, internal::LoadOrNotFound(conn, ctx.region_code, plan_id));
  KC_ASSIGN_OR_RETURN(auto current, db::LoadQuickWinProgress(conn, plan.id, no));
  auto it = std::find_if(current.begin(), current.end(),
                         [&](const QuickWinReport& r) { return r.period == period; });
  KC_RETURN_IF_ERROR(CheckRevision(it == current.end() ? 0 : it->revision, c.revision));
  it->check = {.state = c.state, .by = ctx.actor.label, .at = ctx.now, .note = c.note};
  KC_ASSIGN_OR_RETURN(bool set,
                      db::SetQuickWinCheck(conn, plan.id, no, period, c.revision, it->check));
  if (!set) return Internal("quick win progress check: the current row disappeared");
  KC_RETURN_IF_ERROR(internal::Audit(conn, ctx, "quick_win.progress.check", plan_id,
                                     {{"no", no},
                                      {"period", period},
                                      {"revision", c.revision},
                                      {"state", ToString(c.state)},
                                      {"note", c.note}}));
  return *it;
}

Result<QuickWinProgress> GetQuickWinProgress(store::Connection& conn, std::string_view region_code,
                                             int64_t plan_id, int no, const OpdCheck& may_read) {
  KC_ASSIGN_OR_RETURN(Masterplan plan, internal::LoadOrNotFound(conn, region_code, plan_id));
  KC_ASSIGN_OR_RETURN(QuickWin q, FindQuickWin(conn, plan, no));
  if (may_read && (!q.owner_opd_id || !may_read(*q.owner_opd_id))) return NotYourOpd();
  QuickWinProgress out{
      .quick_win_no = no, .quick_win_name = q.name, .owner_opd_id = q.owner_opd_id.value_or(0)};
  KC_ASSIGN_OR_RETURN(out.periods, db::LoadQuickWinProgress(conn, plan_id, no));
  KC_ASSIGN_OR_RETURN(out.history, db::LoadQuickWinHistory(conn, plan_id, no));
  return out;
}

Result<std::vector<QuickWinPeriodLine>> GetQuickWinPeriod(store::Connection& conn,
                                                          std::string_view region_code,
                                                          int64_t plan_id,
                                                          std::string_view period) {
  if (!ParsePeriod(period)) {
    Validation v;
    v.Add("period", PeriodFormatMessage());
    return std::move(v).ToError();
  }
  KC_ASSIGN_OR_RETURN(Masterplan plan, internal::LoadOrNotFound(conn, region_code, plan_id));
  KC_ASSIGN_OR_RETURN(auto quick_wins, db::LoadQuickWins(conn, plan.latest.id));
  KC_ASSIGN_OR_RETURN(auto reports, db::LoadQuickWinPeriod(conn, plan_id, period));
  std::vector<QuickWinPeriodLine> out;
  for (const QuickWin& q : quick_wins) {
    if (!Reports(q)) continue;
    QuickWinPeriodLine line{.quick_win_no = q.no,
                            .quick_win_name = q.name,
                            .state = q.state,
                            .owner_opd_id = *q.owner_opd_id};
    for (const QuickWinReport& r : reports) {
      if (r.quick_win_no == q.no) line.report = r;
    }
    out.push_back(std::move(line));
  }
  return out;
}

}  // namespace kc::masterplan
