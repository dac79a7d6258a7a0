// The audit log: an append-only record of every write by an admin, officer or consultant.
//
// How other modules use it: inside the store::Database::Write function that performs the change,
// call RecordAudit(conn, entry) before returning. Because it runs on the same connection and in
// the same savepoint, the entry is committed exactly when the change is, and a failing write
// leaves no entry. There is no update or delete path in code; the schema's triggers refuse both
// (migrations/0003_accounts.sql).
//
//   db.Write([=](store::Connection& conn) -> Status {
//     KC_RETURN_IF_ERROR(UpdateProgram(conn, ...));
//     return accounts::RecordAudit(conn, {.actor = AuditActor(req), .region_code = "71.71",
//                                         .action = "program.update", .target = "program:7",
//                                         .before = before_json, .after = after_json});
//   }, done);
#pragma once

#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "accounts/account.h"
#include "core/result.h"
#include "core/time.h"
#include "store/sqlite.h"

namespace kc::accounts {

struct AuditEntry {
  Actor actor;
  std::string region_code;  // empty for national or global actions
  std::string action;       // dotted verb, e.g. "user.create", "grant.add", "apikey.revoke"
  std::string target;       // "kind:id", e.g. "user:12"
  // Summaries of the object before and after (null when it did not exist / no longer exists).
  // Never put secrets or password hashes here.
  boost::json::value before = nullptr;
  boost::json::value after = nullptr;
  TimePoint at{};  // zero: now
};

// Appends `entry` using `conn` (call inside a Database::Write function). Errors: storage
// errors, kInvalidArgument when action or target is empty.
Status RecordAudit(store::Connection& conn, const AuditEntry& entry);

struct AuditRecord {
  int64_t id = 0;
  AuditEntry entry;
};

struct AuditQuery {
  std::string region_code;          // required (empty: only national entries)
  std::optional<std::string> action;  // exact action, or a prefix ending in '.' ("grant.")
  std::optional<int64_t> actor_id;
  std::optional<TimePoint> from;    // inclusive
  std::optional<TimePoint> to;      // exclusive
  std::optional<int64_t> before_id;  // cursor: entries with a smaller id
  int limit = 50;
};

// Newest first. Reads only (any connection).
Result<std::vector<AuditRecord>> QueryAudit(store::Connection& conn, const AuditQuery& query);

// JSON for the API: {"id","at","actor","actor_id","region","action","target","before","after"}.
boost::json::object AuditJson(const AuditRecord& record);

}  // namespace kc::accounts
