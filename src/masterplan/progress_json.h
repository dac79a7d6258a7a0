// JSON for progress reports of programs and quick wins (progress_routes.cpp,
// quick_win_progress_routes.cpp): report objects with their check, request bodies with every
// problem reported under its field.
#pragma once

#include <boost/json.hpp>
#include <optional>
#include <vector>

#include "core/result.h"
#include "masterplan/progress.h"
#include "masterplan/quick_win_progress.h"

namespace kc::masterplan {

// The check fields of a report: "check_state", "checked_by", "checked_at" (null while
// submitted) and "check_note".
void AddCheckJson(boost::json::object& o, const ReportCheck& c);
boost::json::object ReportJson(const ProgressReport& r);
boost::json::object QuickWinReportJson(const QuickWinReport& r);
template <class R>
boost::json::array ReportsJson(const std::vector<R>& list, boost::json::object (*one)(const R&)) {
  boost::json::array out;
  for (const R& r : list) out.push_back(one(r));
  return out;
}

// {"revision": n, "state": "diperiksa"|"dikembalikan", "note": "..."}; field errors in `v`.
std::optional<CheckRequest> ReadCheckRequest(const boost::json::object& body, Validation& v);
// The fields of a quick-win report body: realisation, budget_realised, narrative, evidence_url,
// milestones_done (list of texts); the period and quick win come from the path.
std::optional<QuickWinReport> ReadQuickWinReport(const boost::json::object& body, Validation& v);

}  // namespace kc::masterplan
