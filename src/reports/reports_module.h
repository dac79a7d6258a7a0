// The reports module's long-lived parts, shared by its JSON API and Open311 routes. One
// instance per database, made by GetModule; the routes keep it alive.
#pragma once

#include <memory>
#include <ostream>

#include "http/router.h"
#include "regions/regions_module.h"
#include "reports/report_json.h"
#include "reports/report_service.h"
#include "reports/report_store_sqlite.h"
#include "store/database.h"

namespace kc::reports {

class ReportsModule {
 public:
  // Borrows `db` (must outlive the module) and shares the regions module.
  ReportsModule(store::Database& db, std::shared_ptr<regions::RegionsModule> regions)
      : regions_(std::move(regions)), store_(db), service_(store_, *regions_) {}

  regions::RegionsModule& regions() { return *regions_; }
  ReportStore& store() { return store_; }
  ReportService& service() { return service_; }

  // The region by code or slug. Errors: kNotFound "region_not_found".
  Result<regions::Region> FindRegion(std::string_view code_or_slug) {
    return regions_->service().FindRegion(code_or_slug);
  }
  // OPD id -> short name for the region (for report and rule views).
  Result<OpdNames> OpdNamesOf(std::string_view region_code);

 private:
  std::shared_ptr<regions::RegionsModule> regions_;
  SqliteReportStore store_;
  ReportService service_;
};

// Creates the module (with the shared regions module) and registers its routes: categories and
// routing rules (category_routes.cpp) and reports (report_routes.cpp). Called once at start.
// Errors: the regions module's.
Status RegisterRoutes(http::Router& router, store::Database& db);

void AddCategoryRoutes(http::Router& router, std::shared_ptr<ReportsModule> module);
void AddReportRoutes(http::Router& router, std::shared_ptr<ReportsModule> module);
void AddReportReadRoutes(http::Router& router, std::shared_ptr<ReportsModule> module);
// Open311 GeoReport v2 at /open311/v2 (open311_routes.cpp, open311_requests.cpp).
void AddOpen311Routes(http::Router& router, std::shared_ptr<ReportsModule> module);

// Demo data: Manado's ~25 categories with their default OPDs, a few routing rules and the
// tracking prefix "MDO". Idempotent; does nothing when the demo region is absent.
Status RunDemo(store::Database& db, std::ostream& out);

}  // namespace kc::reports
