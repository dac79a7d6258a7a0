// HTTP adapters for exports of a filtered report list: GET
// /api/v1/regions/{region}/reports/export.{csv,geojson,xlsx} with the list's filters
// (report_filter_query.h) and an optional limit; and the lean map feed GET
// /api/v1/regions/{region}/reports/map-points (MapPointsJson). Like the list, the routes are public
// and the view depends on the caller: region.read_private sees every report with reporter columns,
// everyone else public reports without personal data.
//
// Size: the store is read in keyset pages of kExportPage reports, each formatted and dropped
// before the next is read; the file itself is built in memory (http::Response has no streaming
// body) and capped at kExportMaxRows. More matching reports than that is a 400 asking for
// narrower filters or an explicit limit, never a silently cut file. The work runs on the
// module's export thread, not on the connection's I/O thread.
#include <fmt/format.h>

#include <boost/json/serialize.hpp>
#include <charconv>
#include <filesystem>
#include <map>

#include "accounts/caller.h"
#include "accounts/roles.h"
#include "reports/report_export.h"
#include "reports/report_filter_query.h"
#include "reports/reports_module.h"
#include "reports/route_util.h"

namespace kc::reports {
namespace {

using http::Method;
using http::Reply;
using http::Request;
using http::Response;
using internal::Fail;

constexpr int kExportMaxRows = 100000;
constexpr int kExportPage = 1000;
constexpr int kMapMaxPoints = 50000;
constexpr int kMapPage = 5000;

struct ExportJob {
  regions::Region region;
  ReportFilter filter;
  ExportFormat format;
  ReportView view;
  std::optional<int> limit;  // an explicit row limit (newest first)
  bool english = false;
};

Error TooManyRows() {
  return Error(ErrorCode::kInvalidArgument,
               {"Lebih dari 100.000 laporan cocok; persempit filter atau isi limit.",
                "More than 100,000 reports match; narrow the filters or set limit."},
               "export_too_large");
}

// ?limit=1..kExportMaxRows, or nullopt when absent.
Result<std::optional<int>> ParseLimit(const Request& req) {
  auto text = req.Query("limit");
  if (!text || text->empty()) return std::optional<int>();
  int n = 0;
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), n);
  if (ec != std::errc() || end != text->data() + text->size() || n < 1 || n > kExportMaxRows) {
    return InvalidArgument({"Parameter tidak sah.", "Invalid parameter."})
        .With("limit", {"harus bilangan bulat 1..100000", "must be an integer 1..100000"});
  }
  return std::optional<int>(n);
}

// Pages through the store, newest first, into the writer.
Result<std::string> BuildFile(ReportsModule& m, ExportJob job) {
  KC_ASSIGN_OR_RETURN(auto opds, m.OpdNamesOf(job.region.code));
  KC_ASSIGN_OR_RETURN(auto writer,
                      MakeExportWriter(job.format, job.view, std::move(opds), m.export_temp_dir()));
  const int cap = job.limit.value_or(kExportMaxRows);
  int rows = 0;
  job.filter.limit = kExportPage;
  while (true) {
    KC_ASSIGN_OR_RETURN(auto page, m.store().ListReports(job.filter));
    const bool more = page.size() > static_cast<size_t>(kExportPage);
    if (more) page.pop_back();
    for (const auto& r : page) {
      if (rows == cap) {
        if (job.limit) return writer->Finish();
        return TooManyRows();
      }
      KC_RETURN_IF_ERROR(writer->Add(r));
      ++rows;
    }
    if (!more) return writer->Finish();
    job.filter.before_id = page.back().id;
  }
}

Response Run(ReportsModule& m, const ExportJob& job) {
  auto file = BuildFile(m, job);
  if (!file.ok()) return http::ErrorResponse(file.error(), job.english);
  const std::string date =
      FormatLocal(NowUtc(), regions::UtcOffsetMinutes(job.region.timezone)).substr(0, 10);
  Response r{
      .status = 200, .content_type = std::string(MediaType(job.format)), .body = std::move(*file)};
  r.Header("Content-Disposition",
           "attachment; filename=\"" + ExportFileName(job.region.slug, date, job.format) + "\"");
  r.Header("Cache-Control", job.view == ReportView::kPrivate ? "private, no-store" : "no-cache");
  return r;
}

void Export(ReportsModule& m, ExportFormat format, Request& req, Reply reply) {
  auto region = m.FindRegion(req.Param("region"));
  if (!region.ok()) return reply(Fail(region.error(), req));
  auto filter = ParseReportFilter(req, region->code, {.paged = false});
  auto limit = ParseLimit(req);
  if (!filter.ok() || !limit.ok()) {  // every problem at once
    Error e = !filter.ok() ? filter.error() : limit.error();
    if (!filter.ok() && !limit.ok()) {
      for (const auto& d : limit.error().details) e.details.push_back(d);
    }
    return reply(Fail(e, req));
  }
  const bool all = accounts::Authorize(accounts::PrincipalOf(req),
                                       accounts::Permission::kRegionReadPrivate, region->code)
                       .allowed;
  filter->public_only = !all;
  ExportJob job{.region = *region,
                .filter = std::move(*filter),
                .format = format,
                .view = all ? ReportView::kPrivate : ReportView::kPublic,
                .limit = *limit,
                .english = req.english};
  const bool english = req.english;
  auto shared_reply = std::make_shared<Reply>(std::move(reply));
  const bool queued = m.export_pool().Post(
      [&m, job = std::move(job), shared_reply] { (*shared_reply)(Run(m, job)); });
  if (!queued) {
    (*shared_reply)(
        http::ErrorResponse(Unavailable({"Terlalu banyak ekspor berjalan; coba lagi sebentar.",
                                         "Too many exports are running; try again shortly."}),
                            english));
  }
}

// The map feed: {"count", "truncated", "statuses": [...], "categories": [...], "points":
// [[lat, lon, status index, category index, tracking], ...]}, newest first, at most
// kMapMaxPoints (truncated says more matched). Positional arrays with the repeated status and
// category codes moved into two lists keep 10,000 reports near 0.4 MB of JSON, a twentieth of
// the GeoJSON export, so a phone parses it in milliseconds. Coordinates keep 6 decimals (~0.1 m).
Result<std::string> MapPointsJson(ReportsModule& m, ReportFilter filter) {
  std::map<std::string, int> statuses, categories;
  std::vector<std::string> status_list, category_list;
  auto index_of = [](std::map<std::string, int>& ids, std::vector<std::string>& list,
                     const std::string& code) {
    auto [it, fresh] = ids.try_emplace(code, static_cast<int>(list.size()));
    if (fresh) list.push_back(code);
    return it->second;
  };
  std::string points;
  int count = 0;
  bool truncated = false;
  filter.limit = kMapPage;
  for (bool more = true; more && !truncated;) {
    KC_ASSIGN_OR_RETURN(auto page, m.store().ListPoints(filter));
    more = page.size() > static_cast<size_t>(kMapPage);
    if (more) page.pop_back();
    for (const auto& p : page) {
      if (count == kMapMaxPoints) {
        truncated = true;
        break;
      }
      fmt::format_to(std::back_inserter(points), "{}[{:.6f},{:.6f},{},{},{}]", count ? "," : "",
                     p.lat, p.lon, index_of(statuses, status_list, p.status),
                     index_of(categories, category_list, p.category_code),
                     boost::json::serialize(boost::json::string_view(p.tracking)));
      ++count;
    }
    if (!page.empty()) filter.before_id = page.back().id;
  }
  auto list = [](const std::vector<std::string>& codes) {
    boost::json::array a;
    for (const auto& c : codes) a.emplace_back(c);
    return boost::json::serialize(a);
  };
  return fmt::format(R"({{"count":{},"truncated":{},"statuses":{},"categories":{},"points":[{}]}})",
                     count, truncated, list(status_list), list(category_list), points);
}

void MapPoints(ReportsModule& m, Request& req, Reply reply) {
  auto region = m.FindRegion(req.Param("region"));
  if (!region.ok()) return reply(Fail(region.error(), req));
  auto filter = ParseReportFilter(req, region->code, {.paged = false});
  if (!filter.ok()) return reply(Fail(filter.error(), req));
  filter->public_only = !accounts::Authorize(accounts::PrincipalOf(req),
                                             accounts::Permission::kRegionReadPrivate, region->code)
                             .allowed;
  const bool english = req.english;
  auto shared_reply = std::make_shared<Reply>(std::move(reply));
  const bool queued =
      m.export_pool().Post([&m, filter = std::move(*filter), shared_reply, english] {
        auto body = MapPointsJson(m, filter);
        if (!body.ok()) return (*shared_reply)(http::ErrorResponse(body.error(), english));
        (*shared_reply)(http::Response{.status = 200, .body = std::move(*body)});
      });
  if (!queued) {
    (*shared_reply)(http::ErrorResponse(Unavailable({"Server sedang sibuk; coba lagi sebentar.",
                                                     "The server is busy; try again shortly."}),
                                        english));
  }
}

const std::vector<http::ParamDoc>& FilterParams() {
  static const std::vector<http::ParamDoc> params = {
      {.name = "status", .description = "comma-separated statuses"},
      {.name = "category"},
      {.name = "opd", .description = "OPD id"},
      {.name = "kecamatan"},
      {.name = "kelurahan"},
      {.name = "from", .description = "ISO 8601, inclusive"},
      {.name = "to", .description = "ISO 8601, exclusive"},
      {.name = "bbox", .description = "min_lon,min_lat,max_lon,max_lat"},
      {.name = "q", .description = "text in the description"}};
  return params;
}

}  // namespace

void AddExportRoutes(http::Router& router, std::shared_ptr<ReportsModule> module) {
  const auto WithLimit = [] {
    auto params = FilterParams();
    params.push_back(
        {.name = "limit", .description = "newest N only, 1..100000", .type = "integer"});
    return params;
  };
  for (ExportFormat format : {ExportFormat::kCsv, ExportFormat::kGeoJson, ExportFormat::kXlsx}) {
    const std::string ext(Extension(format));
    router.Add({.method = Method::kGet,
                .pattern = "/api/v1/regions/{region}/reports/export." + ext,
                .permission = "public",
                .handler = [module, format](
                               Request& req,
                               Reply reply) { Export(*module, format, req, std::move(reply)); },
                .doc = {.summary = "Export the filtered reports as " + ext +
                                   " (newest first, at most 100,000)",
                        .tag = "reports",
                        .params = WithLimit(),
                        .responses = {200, 400, 404, 503}}});
  }
  router.Add(
      {.method = Method::kGet,
       .pattern = "/api/v1/regions/{region}/reports/map-points",
       .permission = "public",
       .handler = [module](Request& req,
                           Reply reply) { MapPoints(*module, req, std::move(reply)); },
       .doc = {.summary = "Report points for a map: [lat, lon, status index, category index, "
                          "tracking] per report, newest first, at most 50,000",
               .tag = "reports",
               .params = FilterParams(),
               .responses = {200, 400, 404, 503}}});
}

}  // namespace kc::reports
