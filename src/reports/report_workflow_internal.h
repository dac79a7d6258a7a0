// Internal to the workflow service files (report_workflow_service.cpp,
// report_moderation_service.cpp, report_social_service.cpp): shared steps of mutations.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <string>

#include "reports/report_workflow_service.h"

namespace kc::reports::internal {

// Now as stored (UTC ISO-8601 with milliseconds).
std::string Now();
// A timeline entry of `kind` at `at`, by `who` (no actor when not signed in).
TimelineEntry Entry(const Who& who, std::string kind, std::string at);
// The event of `type` about `r`, addressed to its reporter and followers.
Result<ReportEvent> MakeEvent(store::Connection& conn, const Report& r, const char* type,
                              boost::json::object data, const std::string& at);
// Records an officer's change in the audit log (target "report:<tracking>").
Status Audit(store::Connection& conn, const Who& who, const Report& r, std::string action,
             boost::json::value before, boost::json::value after);
// Whether `who` may see `r` at all (public, or its reporter, handlers, region officers).
bool CanSee(const Who& who, const Report& r);
// Sets updated_at.
Status UpdateTouched(store::Connection& conn, int64_t report_id, const std::string& now);
Error Forbidden(Text message);

}  // namespace kc::reports::internal
