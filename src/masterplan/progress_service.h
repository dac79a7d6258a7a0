// Use cases of progress reports (progress.h). Reports attach to a program by its plan-wide
// number, are submitted by the program's owner OPD (the caller decides who may act for which
// OPD and passes it as an OpdCheck), and every submission is kept in the history.
//
// Errors: kNotFound "masterplan_not_found"/"program_not_found"/"progress_not_found"; kForbidden
// when the check refuses the program's owner OPD; kInvalidArgument with field details
// (progress.h, and "period" when the program already reports in the other kind of period);
// kConflict "stale_revision" when a check names a revision that is no longer current.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "masterplan/masterplan_service.h"
#include "masterplan/program_service.h"
#include "masterplan/progress.h"

namespace kc::masterplan {

struct ProgramProgress {
  int program_no = 0;
  std::string program_name;
  int64_t owner_opd_id = 0;
  std::vector<ProgressReport> periods;  // current report per period, oldest first
  std::vector<ProgressReport> history;  // every submission, oldest first
};

// One program's line in a period overview: its report, or none (missing).
struct PeriodLine {
  int program_no = 0;
  std::string program_name;
  int64_t owner_opd_id = 0;
  std::optional<ProgressReport> report;
};

// Submits (or resubmits: revision + 1) the report of `r.program_no` for `r.period`, owned by
// the program's owner OPD in the plan's latest version. Returns the stored report.
Result<ProgressReport> SubmitProgress(store::Connection& conn, const WriteContext& ctx,
                                      int64_t plan_id, ProgressReport r, const OpdCheck& may_act);

// Marks the current report of program `no` for `period` as checked ("diperiksa") or returns it
// ("dikembalikan", with a note) by ctx.actor; `c.revision` must be the current revision (the
// one the checker saw). Audited as "program.progress.check" (item program:<no>).
Result<ProgressReport> CheckProgress(store::Connection& conn, const WriteContext& ctx,
                                     int64_t plan_id, int no, const std::string& period,
                                     const CheckRequest& c);

// Shared by the program and quick-win checks: the field errors of `period` and `c`.
Status ValidateCheckRequest(std::string_view period, const CheckRequest& c);
// kNotFound "progress_not_found" / kConflict "stale_revision" (the current revision in the
// message) for a check of `revision` when `current` is the current one (0: no report).
Status CheckRevision(int current, int revision);

// A program's reports and history (readable by whoever may act for its owner OPD).
Result<ProgramProgress> GetProgramProgress(store::Connection& conn, std::string_view region_code,
                                           int64_t plan_id, int no, const OpdCheck& may_read);

// Every program of the latest version for `period` with its report or none (missing).
// Errors also "period" (not a valid period).
Result<std::vector<PeriodLine>> GetPeriod(store::Connection& conn, std::string_view region_code,
                                          int64_t plan_id, std::string_view period);

}  // namespace kc::masterplan
