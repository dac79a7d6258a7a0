#include "reports/reports_module.h"

#include <filesystem>

#include "reports/notifications.h"
#include "reports/report_workflow_routes.h"

namespace kc::reports {

namespace {

// Exports wait here; beyond it the route answers 503 (each holds a file in memory).
constexpr size_t kExportQueue = 4;

// The database's directory: on the data disk, where large temporary files belong.
std::string ExportTempDir(const std::string& db_path) {
  const std::filesystem::path dir = std::filesystem::path(db_path).parent_path();
  return (dir.empty() ? std::filesystem::path(".") : dir).string();
}

}  // namespace

ReportsModule::ReportsModule(store::Database& db, std::shared_ptr<regions::RegionsModule> regions,
                             ReportEventOptions events)
    : regions_(std::move(regions)), store_(db), service_(store_, *regions_), db_(db),
      webhooks_(db) {
  events_.Add(std::make_shared<ReportNotifier>(
      db, events.notifier ? std::move(events.notifier) : MakeLogCitizenNotifier()));
  events_.Add(std::make_shared<WebhookDispatcher>(db, webhooks_, std::move(events.webhooks)));
  service_.set_events(&events_);
  export_temp_dir_ = ExportTempDir(db.path());
  export_pool_ = std::make_unique<accounts::WorkerPool>(1, kExportQueue);
}

ReportsModule::~ReportsModule() {
  export_pool_.reset();
  // Writes queued before now (submissions) publish to events_ from their completions.
  (void)db_.WriteSync([](store::Connection&) { return Ok(); });
}

Result<OpdNames> ReportsModule::OpdNamesOf(std::string_view region_code) {
  KC_ASSIGN_OR_RETURN(auto opds, regions_->store().ListOpds(region_code));
  OpdNames names;
  for (const auto& o : opds) names[o.id] = o.short_name;
  return names;
}

Status RegisterRoutes(http::Router& router, store::Database& db) {
  KC_ASSIGN_OR_RETURN(auto regions, regions::GetModule(db));
  auto module = std::make_shared<ReportsModule>(db, std::move(regions));
  AddCategoryRoutes(router, module);
  AddReportRoutes(router, module);
  AddOpen311Routes(router, module);
  AddExportRoutes(router, module);
  AddWebhookRoutes(router, module);
  // The workflow shares the module's events; its sweeper escalates overdue SLA clocks.
  auto workflow = std::make_shared<WorkflowContext>(module, db, &module->events());
  workflow->sweeper = std::make_unique<EscalationSweeper>(workflow->workflow, std::chrono::minutes(1));
  AddWorkflowRoutes(router, workflow);
  AddSocialRoutes(router, workflow);
  AddNotificationRoutes(router, std::make_shared<NotificationStore>(db));
  return Ok();
}

}  // namespace kc::reports
