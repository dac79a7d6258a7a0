// Storage of masterplan comments and the read of an item's history (SQLite implementation in
// comment_store_sqlite.cpp). Same conventions as masterplan_store.h: plain functions on a
// connection; writers run inside a Database::Write; "not found" is an empty optional.
#pragma once

#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "masterplan/comment.h"
#include "store/sqlite.h"

namespace kc::masterplan {

// One audit entry about an item (item.h AuditItems), for the item's history.
struct ItemEvent {
  int64_t id = 0;                         // the audit entry's id
  std::string at;                         // UTC, ISO-8601 with Z
  int64_t actor_id = 0;                   // 0: the command line or the system
  std::string actor_label;                // "user:12", "cli"
  std::optional<std::string> actor_name;  // the user's current name, when a user
  std::string action;                     // "program.save", "comment.add", ...
  boost::json::value changes;             // the entry's `after` summary without "items"
};

namespace db {

using store::Connection;

// Inserts `c` (id ignored) and returns its id.
Result<int64_t> InsertComment(Connection& conn, const Comment& c);
Result<std::optional<Comment>> LoadComment(Connection& conn, int64_t plan_id, int64_t id);
// Every comment of the plan, oldest first (a plan has hundreds, not millions: the service
// filters them in memory, since what an OPD officer may see depends on program owners).
Result<std::vector<Comment>> LoadComments(Connection& conn, int64_t plan_id);
// Unresolved comments with request_changes of the plan.
Result<int> CountOpenRequests(Connection& conn, int64_t plan_id);
// Sets the resolution of an unresolved comment; false when it was already resolved.
Result<bool> ResolveComment(Connection& conn, int64_t id, const CommentAuthor& by,
                            std::string_view now);

// The newest `limit` audit entries of the region on target "masterplan:<plan_id>" whose
// "items" contain `item`, oldest first. Reads the accounts module's audit_log (and users for
// names) directly: accounts::QueryAudit filters neither by target nor by item.
Result<std::vector<ItemEvent>> LoadItemHistory(Connection& conn, std::string_view region_code,
                                               int64_t plan_id, std::string_view item, int limit);

}  // namespace db
}  // namespace kc::masterplan
