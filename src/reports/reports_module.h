// The reports module's long-lived parts, shared by its JSON API and Open311 routes. One
// instance per database, made by GetModule; the routes keep it alive.
#pragma once

#include <memory>
#include <ostream>

#include "http/router.h"
#include "regions/regions_module.h"
#include "accounts/worker_pool.h"
#include "reports/report_json.h"
#include "reports/report_notifier.h"
#include "reports/report_service.h"
#include "reports/report_store_sqlite.h"
#include "reports/webhook_dispatcher.h"
#include "reports/webhook_store.h"
#include "store/database.h"

namespace kc::reports {

// How report events leave the process (tests substitute their own).
struct ReportEventOptions {
  std::unique_ptr<CitizenNotifier> notifier;  // null: MakeLogCitizenNotifier()
  WebhookDispatcherOptions webhooks;
};

class ReportsModule {
 public:
  // Borrows `db` (must outlive the module) and shares the regions module. Starts the notifier,
  // webhook and export threads.
  ReportsModule(store::Database& db, std::shared_ptr<regions::RegionsModule> regions,
                ReportEventOptions events = {});
  // Waits for the writes already queued (their completions may publish events), then stops
  // the threads. Not on the writer thread.
  ~ReportsModule();

  regions::RegionsModule& regions() { return *regions_; }
  store::Database& db() { return db_; }
  ReportStore& store() { return store_; }
  ReportService& service() { return service_; }
  WebhookStore& webhooks() { return webhooks_; }
  // Report events after their commit: citizen notifications and signed webhooks. Publish from
  // the store's completion thread (report_events.h); it never blocks.
  ReportEventSink& events() { return events_; }
  // For exports (export_routes.cpp): one thread, a few waiting, so a large export never runs
  // on a connection's I/O thread.
  accounts::WorkerPool& export_pool() { return *export_pool_; }
  // Where XLSX files are written before they are sent (the database's directory).
  const std::string& export_temp_dir() const { return export_temp_dir_; }

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
  store::Database& db_;
  WebhookStore webhooks_;
  // Declared after what their threads use, so they stop first.
  ReportEventFanout events_;
  std::string export_temp_dir_;
  std::unique_ptr<accounts::WorkerPool> export_pool_;
};

// Creates the module (with the shared regions module) and registers its routes: categories and
// routing rules (category_routes.cpp) and reports (report_routes.cpp). Called once at start.
// Errors: the regions module's.
Status RegisterRoutes(http::Router& router, store::Database& db);

void AddCategoryRoutes(http::Router& router, std::shared_ptr<ReportsModule> module);
void AddReportRoutes(http::Router& router, std::shared_ptr<ReportsModule> module);
void AddReportReadRoutes(http::Router& router, std::shared_ptr<ReportsModule> module);
// Exports of a filtered list (export_routes.cpp) and webhook management (webhook_routes.cpp).
void AddExportRoutes(http::Router& router, std::shared_ptr<ReportsModule> module);
void AddWebhookRoutes(http::Router& router, std::shared_ptr<ReportsModule> module);
// Open311 GeoReport v2 at /open311/v2 (open311_routes.cpp, open311_requests.cpp).
void AddOpen311Routes(http::Router& router, std::shared_ptr<ReportsModule> module);

// Demo data: Manado's ~25 categories with their default OPDs, a few routing rules and the
// tracking prefix "MDO". Idempotent; does nothing when the demo region is absent.
Status RunDemo(store::Database& db, std::ostream& out);

}  // namespace kc::reports
