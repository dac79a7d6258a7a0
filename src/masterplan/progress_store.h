// Storage of progress reports and of the national summary rows (SQLite implementation in
// progress_store_sqlite.cpp and summary_store_sqlite.cpp). Same conventions as
// masterplan_store.h: plain functions on a connection; writers run inside a Database::Write.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "masterplan/progress.h"
#include "masterplan/quick_win_progress.h"
#include "store/sqlite.h"

namespace kc::masterplan::db {

using store::Connection;

// The current report of each period of program `no`, oldest period first.
Result<std::vector<ProgressReport>> LoadProgress(Connection& conn, int64_t plan_id, int no);
// Every submission of program `no`, oldest first.
Result<std::vector<ProgressReport>> LoadProgressHistory(Connection& conn, int64_t plan_id, int no);
// The current reports of every program for `period`.
Result<std::vector<ProgressReport>> LoadPeriod(Connection& conn, int64_t plan_id,
                                               std::string_view period);
// Replaces the current report of (plan, r.program_no, r.period) with `r` (r.revision set by the
// caller) and appends it to the history.
// The check columns are reset: a new revision is "diajukan" again.
Status SaveProgress(Connection& conn, int64_t plan_id, const ProgressReport& r, const Period& p);
// Sets the check of the current report of (plan, no, period) when its revision is `revision`;
// false when there is no such row (another revision is current, or no report).
Result<bool> SetProgressCheck(Connection& conn, int64_t plan_id, int no, std::string_view period,
                              int revision, const ReportCheck& check);
// The check columns check_state, checked_by, checked_at, check_note from column `first` on.
Result<ReportCheck> ReadCheck(const store::Statement& s, int first);

// --- quick-win reports (quick_win_progress_store_sqlite.cpp), same contracts as above ---
Result<std::vector<QuickWinReport>> LoadQuickWinProgress(Connection& conn, int64_t plan_id, int no);
Result<std::vector<QuickWinReport>> LoadQuickWinHistory(Connection& conn, int64_t plan_id, int no);
Result<std::vector<QuickWinReport>> LoadQuickWinPeriod(Connection& conn, int64_t plan_id,
                                                       std::string_view period);
Status SaveQuickWinProgress(Connection& conn, int64_t plan_id, const QuickWinReport& r,
                            const Period& p);
Result<bool> SetQuickWinCheck(Connection& conn, int64_t plan_id, int no, std::string_view period,
                              int revision, const ReportCheck& check);

}  // namespace kc::masterplan::db
