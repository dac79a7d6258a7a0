// HTTP adapters for reading reports: one by tracking number, filtered, paged lists and the
// region's counts by status. The
// routes are public; what a caller sees depends on who it is (accounts::Authorize): the region's
// officers with region.read_private see every report with reporter details, an OPD officer
// (report.handle) and the reporter see those of a report they handle or filed; everyone else
// sees public reports without personal data.
#include <boost/json.hpp>

#include "accounts/caller.h"
#include "accounts/roles.h"
#include "http/pagination.h"
#include "reports/report_filter_query.h"
#include "reports/report_workflow_json.h"
#include "reports/reports_module.h"
#include "reports/route_util.h"

namespace kc::reports {
namespace {

namespace json = boost::json;
using http::Method;
using http::Request;
using http::Response;
using internal::Fail;

bool SeesAll(const Request& req, const std::string& region) {
  return accounts::Authorize(accounts::PrincipalOf(req), accounts::Permission::kRegionReadPrivate,
                             region)
      .allowed;
}

// Private view of one report: region officers, the OPD it is routed to, its reporter.
bool SeesPrivate(const Request& req, const Report& r) {
  if (SeesAll(req, r.region_code)) return true;
  const auto& caller = accounts::CallerOf(req);
  if (caller.IsUser() && r.reporter_user_id == caller.user_id) return true;
  if (!r.opd_id) return false;
  return accounts::Authorize(caller.principal, accounts::Permission::kReportHandle, r.region_code,
                             {.opd_id = std::to_string(*r.opd_id)})
      .allowed;
}

Response GetReport(ReportsModule& m, const Request& req) {
  auto region = m.FindRegion(req.Param("region"));
  if (!region.ok()) return Fail(region.error(), req);
  auto report = m.service().FindReport(*region, req.Param("tracking"));
  if (!report.ok()) return Fail(report.error(), req);
  const bool private_view = SeesPrivate(req, *report);
  if (!report->is_public && !private_view) return Fail(ReportNotFound(), req);
  auto opds = m.OpdNamesOf(region->code);
  if (!opds.ok()) return Fail(opds.error(), req);
  json::object body =
      ReportJson(*report, *opds, private_view ? ReportView::kPrivate : ReportView::kPublic);
  // SLA clocks, support, rating and merging (migration 0006).
  auto workflow = WorkflowStore(m.db()).FindById(report->id);
  if (!workflow.ok()) return Fail(workflow.error(), req);
  AddWorkflowFields(body, *workflow, NowUtc());
  return http::JsonResponse(200, body);
}

Response ListReports(ReportsModule& m, const Request& req) {
  auto region = m.FindRegion(req.Param("region"));
  if (!region.ok()) return Fail(region.error(), req);
  auto filter = ParseReportFilter(req, region->code);
  if (!filter.ok()) return Fail(filter.error(), req);
  const bool all = SeesAll(req, region->code);
  filter->public_only = !all;
  auto reports = m.store().ListReports(*filter);
  if (!reports.ok()) return Fail(reports.error(), req);
  auto opds = m.OpdNamesOf(region->code);
  if (!opds.ok()) return Fail(opds.error(), req);
  const bool more = reports->size() > static_cast<size_t>(filter->limit);
  if (more) reports->pop_back();
  if (Status st = m.store().LoadMedia(*reports); !st.ok()) return Fail(st.error(), req);
  json::array items;
  for (const auto& r : *reports) {
    items.push_back(ReportJson(r, *opds, all ? ReportView::kPrivate : ReportView::kPublic));
  }
  json::object body{{"items", std::move(items)}};
  body["next_cursor"] = more ? json::value(http::EncodeCursor(std::to_string(reports->back().id)))
                             : json::value(nullptr);
  return http::JsonResponse(200, body);
}

// The region's counts by status (report_status_counts, exact at every commit).
Result<json::object> StatsJson(ReportsModule& m, const std::string& region) {
  KC_ASSIGN_OR_RETURN(auto counts, m.store().CountByStatus(region));
  json::object by_status;
  int64_t total = 0, open = 0;
  for (const ReportStatus s :
       {ReportStatus::kDiterima, ReportStatus::kDiverifikasi, ReportStatus::kDiproses,
        ReportStatus::kSelesai, ReportStatus::kDitolak, ReportStatus::kDuplikat}) {
    auto it = counts.find(std::string(StatusName(s)));
    const int64_t n = it == counts.end() ? 0 : it->second;
    by_status[StatusName(s)] = n;
    total += n;
    if (!IsClosed(s)) open += n;
  }
  const int64_t resolved = by_status.at("selesai").as_int64();
  return json::object{{"total", total},
                      {"open", open},
                      {"resolved", resolved},
                      {"by_status", std::move(by_status)}};
}

Response GetStats(ReportsModule& m, const Request& req) {
  auto region = m.FindRegion(req.Param("region"));
  if (!region.ok()) return Fail(region.error(), req);
  auto body = StatsJson(m, region->code);
  if (!body.ok()) return Fail(body.error(), req);
  return http::JsonResponse(200, *body);
}

}  // namespace

void AddReportReadRoutes(http::Router& router, std::shared_ptr<ReportsModule> module) {
  router.Add({.method = Method::kGet,
              .pattern = "/api/v1/regions/{region}/reports/stats",
              .permission = "public",
              .handler = http::Sync([module](Request& req) { return GetStats(*module, req); }),
              .doc = {.summary = "Counts of the region's reports (public or not) by status, with "
                                 "total, open and resolved",
                      .tag = "reports",
                      .responses = {200, 404}}});
  router.Add({.method = Method::kGet,
              .pattern = "/api/v1/regions/{region}/reports",
              .permission = "public",
              .handler = http::Sync([module](Request& req) { return ListReports(*module, req); }),
              .doc = {.summary = "Reports, newest first, with filters and cursor pages",
                      .tag = "reports",
                      .params = {{.name = "status", .description = "comma-separated statuses"},
                                 {.name = "category"},
                                 {.name = "opd", .description = "OPD id"},
                                 {.name = "kecamatan"},
                                 {.name = "kelurahan"},
                                 {.name = "from", .description = "ISO 8601, inclusive"},
                                 {.name = "to", .description = "ISO 8601, exclusive"},
                                 {.name = "bbox", .description = "min_lon,min_lat,max_lon,max_lat"},
                                 {.name = "q", .description = "text in the description"},
                                 {.name = "limit", .type = "integer"},
                                 {.name = "cursor"}},
                      .responses = {200, 400, 404}}});
  router.Add({.method = Method::kGet,
              .pattern = "/api/v1/regions/{region}/reports/{tracking}",
              .permission = "public",
              .handler = http::Sync([module](Request& req) { return GetReport(*module, req); }),
              .doc = {.summary = "One report by tracking number", .tag = "reports",
                      .responses = {200, 404}}});
}

}  // namespace kc::reports
