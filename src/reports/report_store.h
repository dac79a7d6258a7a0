// Storage contract of the reports module: categories, routing rules, reports, tracking counters
// and idempotency keys. The SQLite implementation is report_store_sqlite.h.
//
// Thread-safety: every method may be called from any thread. Reads run on pooled connections;
// async writes go through the database's single writer (group commit) and call `done` on the
// store's completion thread after the commit is durable (or with the error; then nothing was
// stored).
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "reports/category.h"
#include "reports/report.h"
#include "reports/routing.h"
#include "store/sqlite.h"

namespace kc::reports {

// Runs inside the write's savepoint after the change (the caller's audit entry), so the entry
// is committed exactly with the change. May be empty.
using AuditFn = std::function<Status(store::Connection&, const RoutingRule&)>;

// What a submission writes besides the report itself.
struct NewReport {
  Report report;                 // id and tracking are assigned by the store; report.media's
                                 // photos (files already stored) get report_photos rows
  std::string tracking_prefix;   // "MDO"
  int tracking_year = 0;         // the region's local year of created_at
  // Idempotency: when key is set, a stored (region, scope, key) answers instead of a new report.
  std::optional<std::string> idempotency_key;
  std::string idempotency_scope;
  std::string request_hash;
  // Makes the answer kept for replays from the stored report (runs on the writer thread).
  std::function<std::string(const Report&)> render_answer;
  // Runs in the report's savepoint right after a new report is inserted (not for a replay),
  // e.g. the agent referral attribution; its error refuses the submission. May be empty.
  std::function<Status(store::Connection&, const Report&)> after_insert;
};

struct SubmitOutcome {
  Report report;       // the new report, or the first one for a replay
  std::string answer;  // render_answer's text (the stored one for a replay); empty without key
  bool replayed = false;
};
using SubmitDone = std::function<void(Result<SubmitOutcome>)>;

// The first answer to an idempotency key.
struct IdempotentAnswer {
  std::string request_hash;
  std::string answer;
  std::string tracking;
};

class ReportStore {
 public:
  virtual ~ReportStore() = default;

  // --- categories ---
  // Ordered by group, then code. Inactive ones only with include_inactive.
  virtual Result<std::vector<Category>> ListCategories(std::string_view region,
                                                       bool include_inactive) = 0;
  virtual Result<std::optional<Category>> FindCategory(std::string_view region,
                                                       std::string_view code) = 0;
  // Inserts or replaces by (region, code), synchronously (CLI, demo, tests). Errors: kNotFound
  // for an unknown region; kConflict for an OPD not in the region.
  virtual Status UpsertCategorySync(const Category& category) = 0;

  // --- routing rules ---
  // All rules of the region, or of one category when `category` is set.
  virtual Result<std::vector<RoutingRule>> ListRules(std::string_view region,
                                                     std::optional<std::string_view> category) = 0;
  // Inserts or replaces the rule for (region, category, area). done: the stored rule;
  // kInvalidArgument (field "opd_id") when the OPD is not the region's.
  virtual void PutRule(RoutingRule rule, AuditFn audit, std::function<void(Result<RoutingRule>)> done) = 0;
  // Removes a rule by id (`audit` sees the removed rule). done: kNotFound when the region has no such rule.
  virtual void DeleteRule(std::string region, int64_t id, AuditFn audit,
                          std::function<void(Status)> done) = 0;

  // --- reports ---
  // Region's tracking prefix, nullopt when none is configured.
  virtual Result<std::optional<std::string>> TrackingPrefix(std::string_view region) = 0;
  virtual Status SetTrackingPrefixSync(std::string_view region, std::string_view prefix) = 0;
  // Assigns the tracking number and inserts the report (and the idempotency row) in one
  // savepoint. A key already stored for (region, scope) answers with the first report and its
  // answer (replayed = true) without writing; with a different request_hash: kConflict
  // "idempotency_key_reused".
  virtual void InsertReport(NewReport report, SubmitDone done) = 0;
  virtual Result<std::optional<IdempotentAnswer>> FindIdempotent(std::string_view region,
                                                                 std::string_view scope,
                                                                 std::string_view key) = 0;
  virtual Result<std::optional<Report>> FindReport(std::string_view region,
                                                   std::string_view tracking) = 0;
  // Up to filter.limit + 1 reports (the extra one tells the caller a next page exists).
  virtual Result<std::vector<Report>> ListReports(const ReportFilter& filter) = 0;
  // Every report of the region (public or not) by status name; statuses without reports absent.
  virtual Result<std::map<std::string, int64_t>> CountByStatus(std::string_view region) = 0;
  // The same selection (and order, and limit + 1) as ListReports, only the map's columns.
  virtual Result<std::vector<ReportPoint>> ListPoints(const ReportFilter& filter) = 0;

  // --- photos (FindReport fills Report::media itself) ---
  // Fills media (photos and media_url) of every report in `reports` with one query for the
  // page, not one per report.
  virtual Status LoadMedia(std::vector<Report>& reports) = 0;
  // Appends `photos` (files already stored) to the report `report_id` of `region` after the
  // photos of the same kind. done: all photos of the report; kNotFound "report_not_found".
  virtual void AddPhotos(std::string region, int64_t report_id, std::vector<ReportPhoto> photos,
                         std::function<void(Result<std::vector<ReportPhoto>>)> done) = 0;
  // Whether any report_photos row names the file `sha256` (hex).
  virtual Result<bool> PhotoReferenced(std::string_view sha256) = 0;
  // Where photo files live: the media folder beside the database.
  virtual std::filesystem::path MediaDirectory() const = 0;
};

}  // namespace kc::reports
