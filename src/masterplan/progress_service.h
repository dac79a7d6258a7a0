// Use cases of progress reports (progress.h). Reports attach to a program by its plan-wide
// number, are submitted by the program's owner OPD (the caller decides who may act for which
// OPD and passes it as an OpdCheck), and every submission is kept in the history.
//
// Errors: kNotFound "masterplan_not_found"/"program_not_found"; kForbidden when the check
// refuses the program's owner OPD; kInvalidArgument with field details (progress.h, and
// "period" when the program already reports in the other kind of period).
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

// A program's reports and history (readable by whoever may act for its owner OPD).
Result<ProgramProgress> GetProgramProgress(store::Connection& conn, std::string_view region_code,
                                           int64_t plan_id, int no, const OpdCheck& may_read);

// Every program of the latest version for `period` with its report or none (missing).
// Errors also "period" (not a valid period).
Result<std::vector<PeriodLine>> GetPeriod(store::Connection& conn, std::string_view region_code,
                                          int64_t plan_id, std::string_view period);

}  // namespace kc::masterplan
