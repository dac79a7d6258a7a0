// HTTP adapters for reading reports: one by tracking number and filtered, paged lists. The
// routes are public; what a caller sees depends on who it is (accounts::Authorize): the region's
// officers with region.read_private see every report with reporter details, an OPD officer
// (report.handle) and the reporter see those of a report they handle or filed; everyone else
// sees public reports without personal data.
#include <algorithm>
#include <boost/json.hpp>
#include <cmath>
#include <cstdio>

#include "accounts/caller.h"
#include "accounts/roles.h"
#include "http/json_body.h"
#include "http/pagination.h"
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
  return http::JsonResponse(
      200, ReportJson(*report, *opds, private_view ? ReportView::kPrivate : ReportView::kPublic));
}

// A query parameter as text of at most `max` code points; absent or empty: nullopt.
std::optional<std::string> Text(const Request& req, std::string_view name, size_t max,
                                Validation& v) {
  auto value = req.Query(name);
  if (!value || value->empty()) return std::nullopt;
  if (!http::IsValidUtf8(*value) || http::Utf8Length(*value) > max) {
    v.Add(std::string(name), {"tidak sah atau terlalu panjang", "invalid or too long"});
    return std::nullopt;
  }
  return value;
}

std::optional<std::string> Time(const Request& req, std::string_view name, Validation& v) {
  auto text = Text(req, name, 40, v);
  if (!text) return std::nullopt;
  auto t = ParseTimestamp(*text);
  if (!t) {
    v.Add(std::string(name), {"harus berupa waktu ISO 8601, mis. 2026-11-26T00:00:00+08:00",
                              "must be an ISO 8601 time, e.g. 2026-11-26T00:00:00+08:00"});
    return std::nullopt;
  }
  return FormatUtc(*t);
}

void ParseStatuses(const std::string& text, ReportFilter& f, Validation& v) {
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = std::min(text.find(',', start), text.size());
    auto status = ParseStatus(std::string_view(text).substr(start, end - start));
    if (!status) {
      return v.Add("status", {"salah satu/beberapa dari diterima, diverifikasi, diproses, selesai, "
                              "ditolak, duplikat (dipisah koma)",
                              "one or more of diterima, diverifikasi, diproses, selesai, ditolak, "
                              "duplikat (comma-separated)"});
    }
    f.statuses.push_back(*status);
    start = end + 1;
  }
}

void ParseBBox(const std::string& text, ReportFilter& f, Validation& v) {
  double c[4];
  char tail = 0;
  const bool parsed = std::sscanf(text.c_str(), "%lf,%lf,%lf,%lf%c", &c[0], &c[1], &c[2], &c[3],
                                  &tail) == 4;
  if (!parsed || !std::isfinite(c[0]) || !std::isfinite(c[1]) || !std::isfinite(c[2]) ||
      !std::isfinite(c[3]) || c[0] > c[2] || c[1] > c[3] || c[0] < -180 || c[2] > 180 ||
      c[1] < -90 || c[3] > 90) {
    return v.Add("bbox", {"harus min_lon,min_lat,max_lon,max_lat", "must be min_lon,min_lat,max_lon,max_lat"});
  }
  f.bbox = ReportFilter::BBox{c[0], c[1], c[2], c[3]};
}

Result<ReportFilter> ParseFilter(const Request& req, const std::string& region) {
  ReportFilter f{.region_code = region};
  Validation v;
  if (auto s = Text(req, "status", 100, v)) ParseStatuses(*s, f, v);
  f.category_code = Text(req, "category", 40, v);
  if (auto opd = Text(req, "opd", 20, v)) {
    f.opd_id = internal::ParseId(*opd);
    if (!f.opd_id) v.Add("opd", {"harus berupa id OPD", "must be an OPD id"});
  }
  f.kecamatan_code = Text(req, "kecamatan", 20, v);
  f.kelurahan_code = Text(req, "kelurahan", 20, v);
  f.from = Time(req, "from", v);
  f.to = Time(req, "to", v);
  if (auto b = Text(req, "bbox", 200, v)) ParseBBox(*b, f, v);
  f.text = Text(req, "q", kSearchTextMaxChars, v);
  auto page = http::ParsePage(req, 20, 100);
  if (!page.ok()) return std::move(page).error();
  f.limit = page->limit;
  if (page->after) {
    f.before_id = internal::ParseId(*page->after);
    if (!f.before_id) v.Add("cursor", {"tidak sah", "invalid"});
  }
  if (!v.ok()) return std::move(v).ToError();
  return f;
}

Response ListReports(ReportsModule& m, const Request& req) {
  auto region = m.FindRegion(req.Param("region"));
  if (!region.ok()) return Fail(region.error(), req);
  auto filter = ParseFilter(req, region->code);
  if (!filter.ok()) return Fail(filter.error(), req);
  const bool all = SeesAll(req, region->code);
  filter->public_only = !all;
  auto reports = m.store().ListReports(*filter);
  if (!reports.ok()) return Fail(reports.error(), req);
  auto opds = m.OpdNamesOf(region->code);
  if (!opds.ok()) return Fail(opds.error(), req);
  const bool more = reports->size() > static_cast<size_t>(filter->limit);
  if (more) reports->pop_back();
  json::array items;
  for (const auto& r : *reports) {
    items.push_back(ReportJson(r, *opds, all ? ReportView::kPrivate : ReportView::kPublic));
  }
  json::object body{{"items", std::move(items)}};
  body["next_cursor"] = more ? json::value(http::EncodeCursor(std::to_string(reports->back().id)))
                             : json::value(nullptr);
  return http::JsonResponse(200, body);
}

}  // namespace

void AddReportReadRoutes(http::Router& router, std::shared_ptr<ReportsModule> module) {
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
