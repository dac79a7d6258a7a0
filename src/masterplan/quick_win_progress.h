// Progress reports of quick wins: per quick win and period (the periods of progress.h), the
// quick win's owner OPD reports the percent done (cumulative), the rupiah realised in the
// period, the milestones done so far, a narrative and an evidence link; checked like program
// reports. Types and pure validation; the use cases are in quick_win_progress_service.h.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "masterplan/program.h"
#include "masterplan/progress.h"

namespace kc::masterplan {

struct QuickWinReport {
  int quick_win_no = 0;
  std::string period;
  int revision = 0;
  int64_t owner_opd_id = 0;
  int realisation = 0;                       // percent done, 0..100, cumulative
  int64_t budget_realised = 0;               // rupiah spent within the period
  std::vector<std::string> milestones_done;  // lines of the quick win's milestones
  std::string narrative;
  std::string evidence_url;
  std::string submitted_by, submitted_at;
  ReportCheck check;
};

// The quick win's milestones: its non-blank lines, trimmed.
std::vector<std::string> MilestoneLines(const QuickWin& q);

// Field errors of `r` for period `p` of quick win `q` in a plan running plan_start..plan_end,
// reported on `today`: "quick_win" (a candidate or rejected quick win, or one without an owner
// OPD, has no reports), "period" (outside the plan, outside the quick win's dates when it has
// them, not started yet), "realisation", "budget_realised", "milestones_done[i]" (not one of
// its milestones, or twice), "narrative", "evidence_url".
void ValidateQuickWinProgress(const QuickWinReport& r, const Period& p, const QuickWin& q,
                              int plan_start, int plan_end, std::string_view today, Validation& v);

}  // namespace kc::masterplan
