// Storage of the report workflow on SQLite: the workflow columns of a report, its timeline,
// followers, supporters, comments and the SLA escalation sweep.
//
// Every change runs as one write job on the database's single writer: the job reloads the
// report, lets the caller's Mutation decide on that fresh state (so two officers moving the same
// report at once cannot both win), writes, and the completion runs after the durable commit.
// Thread-safe.
#pragma once

#include <boost/json/object.hpp>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "reports/report.h"
#include "reports/report_events.h"
#include "store/database.h"

namespace kc::reports {

// The columns of reports the workflow adds (migration 0006), after the base columns.
struct WorkflowColumns {
  std::optional<std::string> response_due;
  std::optional<std::string> resolve_due;
  std::optional<std::string> responded_at;
  std::optional<std::string> resolved_at;
  std::optional<std::string> escalated_response_at;
  std::optional<std::string> escalated_resolve_at;
  std::optional<int64_t> merged_into;
  int64_t supporters = 0;
  std::optional<int> rating;
  std::optional<std::string> rating_text;
};

struct WorkflowReport {
  Report report;
  WorkflowColumns wf;
  std::optional<std::string> merged_into_tracking;
};

// One timeline entry (report_events).
struct TimelineEntry {
  int64_t id = 0;
  std::string kind;  // "status", "note", "assigned", "reopened", "merged", "escalated", "rated"
  std::optional<std::string> from;
  std::optional<std::string> to;
  std::optional<std::string> text;
  bool is_public = true;
  std::optional<int64_t> actor_user_id;
  std::optional<std::string> actor_name;
  std::string at;
};

struct Comment {
  int64_t id = 0;
  int64_t report_id = 0;
  int64_t user_id = 0;
  std::string author_name;
  std::string text;
  std::string status;  // "pending", "approved", "hidden"
  std::string created_at;
};

// What a mutation produced, besides the reloaded report.
struct MutationResult {
  std::vector<ReportEvent> events;  // published by the service after the commit
  boost::json::object answer;       // route-specific extras (a note, counts, a comment)
};

// Runs on the writer thread inside the write's savepoint, with the report as stored right now.
// Returning an error rolls the write back.
using Mutation = std::function<Result<MutationResult>(store::Connection&, WorkflowReport&)>;

struct Mutated {
  WorkflowReport report;  // after the change
  MutationResult result;
};

class WorkflowStore {
 public:
  explicit WorkflowStore(store::Database& db) : db_(db) {}

  store::Database& db() { return db_; }

  Result<std::optional<WorkflowReport>> Find(std::string_view region, std::string_view tracking);
  // kNotFound "report_not_found" when absent.
  Result<WorkflowReport> FindById(int64_t id);
  // kNotFound "report_not_found" when the region has no such report.
  void Mutate(std::string region, std::string tracking, Mutation mutation,
              std::function<void(Result<Mutated>)> done);

  // Reads.
  Result<std::vector<TimelineEntry>> Timeline(int64_t report_id, bool include_internal);
  // Approved comments, plus pending ones of `own_user` (0: none), or all with include_all.
  Result<std::vector<Comment>> Comments(int64_t report_id, int64_t own_user, bool include_all);
  Result<bool> IsFollowing(int64_t report_id, int64_t user_id);
  Result<bool> IsSupporting(int64_t report_id, int64_t user_id);
  Result<int64_t> FollowerCount(int64_t report_id);
  // Open reports of `category` filed since `since` within the bbox (possible duplicates).
  Result<std::vector<WorkflowReport>> Nearby(std::string_view region, std::string_view category,
                                             double min_lat, double min_lon, double max_lat,
                                             double max_lon, std::string_view since, int limit);
  // The user's own reports in every region, newest first (cursor: ids below before_id).
  Result<std::vector<WorkflowReport>> OfReporter(int64_t user_id, std::optional<int64_t> before_id,
                                                 int limit);
  // Reports whose response or resolve deadline passed before `now` and were not escalated
  // yet: (report id, "response"|"resolve"), at most `limit`.
  Result<std::vector<std::pair<int64_t, std::string>>> Overdue(std::string_view now, int limit);
  // The region and tracking number of a report id.
  Result<std::optional<std::pair<std::string, std::string>>> Locate(int64_t report_id);

 private:
  store::Database& db_;
};

// --- helpers for mutations (run inside the write) ---

// Reloads a report with its workflow columns by id (kNotFound when absent).
Result<WorkflowReport> LoadReport(store::Connection& conn, int64_t id);
// The region's report by tracking number, or nullopt.
Result<std::optional<WorkflowReport>> FindReportIn(store::Connection& conn, std::string_view region,
                                                   std::string_view tracking);
// Appends a timeline entry; returns its id.
Result<int64_t> AppendEvent(store::Connection& conn, int64_t report_id, const TimelineEntry& e);
// The reporter and the followers: whom citizen notifications go to.
Result<std::vector<int64_t>> NotifyList(store::Connection& conn, const Report& r);
// The region admins (escalations go to them).
Result<std::vector<int64_t>> RegionAdmins(store::Connection& conn, std::string_view region);

}  // namespace kc::reports
