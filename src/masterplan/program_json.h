// JSON for programs and quick wins: request bodies (every problem reported with its field
// name, e.g. "budget[1].amount", "kpis[0].targets.2031") and response views.
#pragma once

#include <boost/json/object.hpp>
#include <optional>

#include "masterplan/program_service.h"

namespace kc::masterplan {

// The program of a request body; nullopt with errors in `v`. Range checks that need the plan
// (years, budget sign) are ValidateProgram's, run by the service.
std::optional<Program> ReadProgram(const boost::json::object& body, Validation& v);
std::optional<QuickWin> ReadQuickWin(const boost::json::object& body, Validation& v);

boost::json::object ProgramJson(const Program& p);
boost::json::object QuickWinJson(const QuickWin& q);
boost::json::object ProgramListJson(const ProgramList& list);

}  // namespace kc::masterplan
