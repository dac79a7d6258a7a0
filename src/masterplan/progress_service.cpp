// Progress reports (progress_service.h).
#include "masterplan/progress_service.h"

#include <algorithm>
#include <boost/json.hpp>

#include "masterplan/masterplan_store.h"
#include "masterplan/progress_store.h"
#include "masterplan/version_edit.h"

namespace kc::masterplan {
namespace {

Error ProgramNotFound() {
  return Error(ErrorCode::kNotFound, {"Program tidak ditemukan.", "No such program."},
               "program_not_found");
}

Error NotYourOpd() {
  return Error(ErrorCode::kForbidden,
               {"Program ini milik OPD lain.", "This program belongs to another OPD."});
}

Result<Program> FindProgram(store::Connection& conn, const Masterplan& plan, int no) {
  KC_ASSIGN_OR_RETURN(auto programs, db::LoadPrograms(conn, plan.latest.id));
  for (Program& p : programs) {
    if (p.no == no) return std::move(p);
  }
  return ProgramNotFound();
}

// A program reports in one kind of period (months, quarters, semesters or years): the periods
// of two kinds would overlap.
Status CheckKind(store::Connection& conn, int64_t plan_id, int no, const Period& p, Validation& v) {
  KC_ASSIGN_OR_RETURN(auto existing, db::LoadProgress(conn, plan_id, no));
  std::vector<std::string> periods;
  for (const ProgressReport& r : existing) periods.push_back(r.period);
  if (const auto other = OtherPeriodKind(p, periods)) {
    const Text per = ReportsPer(*other);
    v.Add("period", {"program ini dilaporkan " + per.id, "this program reports " + per.en});
  }
  return Ok();
}

}  // namespace

Result<ProgressReport> SubmitProgress(store::Connection& conn, const WriteContext& ctx,
                                      int64_t plan_id, ProgressReport r, const OpdCheck& may_act) {
  KC_ASSIGN_OR_RETURN(Masterplan plan, internal::LoadOrNotFound(conn, ctx.region_code, plan_id));
  KC_ASSIGN_OR_RETURN(Program program, FindProgram(conn, plan, r.program_no));
  if (may_act && !may_act(program.owner_opd_id)) return NotYourOpd();
  Validation v;
  const auto period = ParsePeriod(r.period);
  if (!period) {
    v.Add("period", PeriodFormatMessage());
    return std::move(v).ToError();
  }
  ValidateProgress(r, *period, program, plan.start_year, plan.end_year, ctx.now.substr(0, 10), v);
  KC_RETURN_IF_ERROR(CheckKind(conn, plan_id, r.program_no, *period, v));
  if (!v.ok()) return std::move(v).ToError();
  KC_ASSIGN_OR_RETURN(auto current, db::LoadProgress(conn, plan_id, r.program_no));
  r.revision = 1;
  for (const ProgressReport& c : current) {
    if (c.period == r.period) r.revision = c.revision + 1;
  }
  r.owner_opd_id = program.owner_opd_id;
  r.submitted_by = ctx.actor.label;
  r.submitted_at = ctx.now;
  KC_RETURN_IF_ERROR(db::SaveProgress(conn, plan_id, r, *period));
  KC_RETURN_IF_ERROR(internal::Audit(conn, ctx, "program.progress", plan_id,
                                     {{"no", r.program_no},
                                      {"period", r.period},
                                      {"revision", r.revision},
                                      {"realisation", r.realisation},
                                      {"budget_realised", r.budget_realised}}));
  return r;
}

Status ValidateCheckRequest(std::string_view period, const CheckRequest& c) {
  Validation v;
  if (!ParsePeriod(period)) v.Add("period", PeriodFormatMessage());
  ValidateCheck(c, v);
  if (!v.ok()) return std::move(v).ToError();
  return Ok();
}

Status CheckRevision(int current, int revision) {
  if (current == 0) {
    return Error(ErrorCode::kNotFound,
                 {"Belum ada laporan untuk periode ini.", "No report for this period yet."},
                 "progress_not_found");
  }
  if (current != revision) {
    const std::string n = std::to_string(current);
    return Error(ErrorCode::kConflict,
                 {"Laporan sudah diperbarui (revisi " + n + "); muat ulang lalu periksa lagi.",
                  "The report has changed (revision " + n + "); reload and check again."},
                 "stale_revision");
  }
  return Ok();
}

Result<ProgressReport> CheckProgress(store::Connection& conn, const WriteContext& ctx,
                                     int64_t plan_id, int no, const std::string& period,
                                     const CheckRequest& c) {
  KC_RETURN_IF_ERROR(ValidateCheckRequest(period, c));
  KC_ASSIGN_OR_RETURN(Masterplan plan, internal::LoadOrNotFound(conn, ctx.region_code, plan_id));
  KC_ASSIGN_OR_RETURN(auto current, db::LoadProgress(conn, plan.id, no));
  auto it = std::find_if(current.begin(), current.end(),
                         [&](const ProgressReport& r) { return r.period == period; });
  KC_RETURN_IF_ERROR(CheckRevision(it == current.end() ? 0 : it->revision, c.revision));
  it->check = {.state = c.state, .by = ctx.actor.label, .at = ctx.now, .note = c.note};
  KC_ASSIGN_OR_RETURN(bool set,
                      db::SetProgressCheck(conn, plan.id, no, period, c.revision, it->check));
  if (!set) return Internal("progress check: the current row disappeared");
  KC_RETURN_IF_ERROR(internal::Audit(conn, ctx, "program.progress.check", plan_id,
                                     {{"no", no},
                                      {"period", period},
                                      {"revision", c.revision},
                                      {"state", ToString(c.state)},
                                      {"note", c.note}}));
  return *it;
}

Result<ProgramProgress> GetProgramProgress(store::Connection& conn, std::string_view region_code,
                                           int64_t plan_id, int no, const OpdCheck& may_read) {
  KC_ASSIGN_OR_RETURN(Masterplan plan, internal::LoadOrNotFound(conn, region_code, plan_id));
  KC_ASSIGN_OR_RETURN(Program program, FindProgram(conn, plan, no));
  if (may_read && !may_read(program.owner_opd_id)) return NotYourOpd();
  ProgramProgress out{
      .program_no = no, .program_name = program.name, .owner_opd_id = program.owner_opd_id};
  KC_ASSIGN_OR_RETURN(out.periods, db::LoadProgress(conn, plan_id, no));
  KC_ASSIGN_OR_RETURN(out.history, db::LoadProgressHistory(conn, plan_id, no));
  return out;
}

Result<std::vector<PeriodLine>> GetPeriod(store::Connection& conn, std::string_view region_code,
                                          int64_t plan_id, std::string_view period) {
  if (!ParsePeriod(period)) {
    Validation v;
    v.Add("period", PeriodFormatMessage());
    return std::move(v).ToError();
  }
  KC_ASSIGN_OR_RETURN(Masterplan plan, internal::LoadOrNotFound(conn, region_code, plan_id));
  KC_ASSIGN_OR_RETURN(auto programs, db::LoadPrograms(conn, plan.latest.id));
  KC_ASSIGN_OR_RETURN(auto reports, db::LoadPeriod(conn, plan_id, period));
  std::vector<PeriodLine> out;
  for (const Program& p : programs) {
    PeriodLine line{.program_no = p.no, .program_name = p.name, .owner_opd_id = p.owner_opd_id};
    for (const ProgressReport& r : reports) {
      if (r.program_no == p.no) line.report = r;
    }
    out.push_back(std::move(line));
  }
  return out;
}

}  // namespace kc::masterplan
