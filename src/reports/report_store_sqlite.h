// ReportStore on the embedded SQLite database (migrations/0005_reports.sql, 0007 for photos).
// Categories and rules are in category_store_sqlite.cpp, reports in report_store_sqlite.cpp,
// photo rows in photo_store_sqlite.cpp.
#pragma once

#include "reports/report_store.h"
#include "store/database.h"

namespace kc::reports {

class SqliteReportStore : public ReportStore {
 public:
  // Borrows `db`, which must outlive the store.
  explicit SqliteReportStore(store::Database& db) : db_(db) {}

  Result<std::vector<Category>> ListCategories(std::string_view region,
                                               bool include_inactive) override;
  Result<std::optional<Category>> FindCategory(std::string_view region,
                                               std::string_view code) override;
  Status UpsertCategorySync(const Category& category) override;
  Result<std::vector<RoutingRule>> ListRules(std::string_view region,
                                             std::optional<std::string_view> category) override;
  void PutRule(RoutingRule rule, AuditFn audit, std::function<void(Result<RoutingRule>)> done) override;
  void DeleteRule(std::string region, int64_t id, AuditFn audit,
                          std::function<void(Status)> done) override;

  Result<std::optional<std::string>> TrackingPrefix(std::string_view region) override;
  Status SetTrackingPrefixSync(std::string_view region, std::string_view prefix) override;
  void InsertReport(NewReport report, SubmitDone done) override;
  Result<std::optional<IdempotentAnswer>> FindIdempotent(std::string_view region,
                                                         std::string_view scope,
                                                         std::string_view key) override;
  Result<std::optional<Report>> FindReport(std::string_view region,
                                           std::string_view tracking) override;
  Result<std::vector<Report>> ListReports(const ReportFilter& filter) override;
  Result<std::vector<ReportPoint>> ListPoints(const ReportFilter& filter) override;
  Result<std::map<std::string, int64_t>> CountByStatus(std::string_view region) override;

  Status LoadMedia(std::vector<Report>& reports) override;
  void AddPhotos(std::string region, int64_t report_id, std::vector<ReportPhoto> photos,
                 std::function<void(Result<std::vector<ReportPhoto>>)> done) override;
  Result<bool> PhotoReferenced(std::string_view sha256) override;
  std::filesystem::path MediaDirectory() const override;

 private:
  store::Database& db_;
};

}  // namespace kc::reports
