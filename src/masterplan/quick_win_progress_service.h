// Use cases of quick-win progress reports (quick_win_progress.h), as progress_service.h for
// programs: reports attach to a quick win by its plan-wide number, are submitted by the quick
// win's owner OPD in the plan's latest version (the caller passes who may act as an OpdCheck),
// every submission is kept in the history, and the region admin or consultant checks them.
// Every write refreshes the region's national summary row (quick_win_progress, summary.h).
//
// Errors: kNotFound "masterplan_not_found"/"quick_win_not_found"/"progress_not_found";
// kForbidden when the check refuses the owner OPD; kInvalidArgument with field details
// (quick_win_progress.h, "period" for a malformed period or the other kind of period);
// kConflict "stale_revision" (a check of a revision that is no longer current).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "masterplan/masterplan_service.h"
#include "masterplan/program_service.h"
#include "masterplan/quick_win_progress.h"

namespace kc::masterplan {

struct QuickWinProgress {
  int quick_win_no = 0;
  std::string quick_win_name;
  int64_t owner_opd_id = 0;
  std::vector<QuickWinReport> periods;  // current report per period, oldest first
  std::vector<QuickWinReport> history;  // every submission, oldest first
};

// One reporting quick win's line in a period overview (selected or final quick wins with an
// owner OPD): its report, or none (missing).
struct QuickWinPeriodLine {
  int quick_win_no = 0;
  std::string quick_win_name;
  QuickWinState state = QuickWinState::kSelected;
  int64_t owner_opd_id = 0;
  std::optional<QuickWinReport> report;
};

// Submits (or resubmits: revision + 1, "diajukan" again) the report of r.quick_win_no for
// r.period. Audited as "quick_win.progress" (item quick_win:<no>).
Result<QuickWinReport> SubmitQuickWinProgress(store::Connection& conn, const WriteContext& ctx,
                                              int64_t plan_id, QuickWinReport r,
                                              const OpdCheck& may_act);

// Checks or returns the current report (see CheckProgress). Audited as
// "quick_win.progress.check".
Result<QuickWinReport> CheckQuickWinProgress(store::Connection& conn, const WriteContext& ctx,
                                             int64_t plan_id, int no, const std::string& period,
                                             const CheckRequest& c);

// A quick win's reports and history (readable by whoever may act for its owner OPD).
Result<QuickWinProgress> GetQuickWinProgress(store::Connection& conn, std::string_view region_code,
                                             int64_t plan_id, int no, const OpdCheck& may_read);

// The reporting quick wins of the latest version for `period` with their report or none.
// Errors also "period".
Result<std::vector<QuickWinPeriodLine>> GetQuickWinPeriod(store::Connection& conn,
                                                          std::string_view region_code,
                                                          int64_t plan_id, std::string_view period);

}  // namespace kc::masterplan
