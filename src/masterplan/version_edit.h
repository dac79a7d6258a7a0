// Internal helpers shared by the masterplan service files (not for other modules).
#pragma once

#include <boost/json/object.hpp>
#include <string>

#include "masterplan/masterplan_service.h"

namespace kc::masterplan::internal {

// The region's masterplan `id`. Errors: kNotFound "masterplan_not_found"; storage errors.
Result<Masterplan> LoadOrNotFound(store::Connection& conn, std::string_view region, int64_t id);

// The version edits go to: the latest if it is a draft, a new draft copied from it if it is
// published. In review or approved: kConflict "version_locked".
Result<Version> EditableVersion(store::Connection& conn, const WriteContext& ctx, const Masterplan& plan);

// Appends the audit entry "action" on target "masterplan:<plan_id>" and refreshes the region's
// national summary row (summary.h): every masterplan write ends here, so the row is recomputed
// in the same savepoint as the change. `after` gains "items", the item keys the entry is about
// (item.h AuditItems), when there are any: an item's history is found by them.
Status Audit(store::Connection& conn, const WriteContext& ctx, std::string action, int64_t plan_id,
             boost::json::object after);

// The Bimtek stages with data_outputs computed from version `version_id` (readiness_service.cpp).
Result<std::vector<Stage>> LoadStages(store::Connection& conn, int64_t plan_id, int64_t version_id);

}  // namespace kc::masterplan::internal
