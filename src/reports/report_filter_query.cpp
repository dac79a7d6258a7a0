#include "reports/report_filter_query.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "http/json_body.h"
#include "http/pagination.h"
#include "reports/route_util.h"

namespace kc::reports {
namespace {

using http::Request;

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
  const bool parsed =
      std::sscanf(text.c_str(), "%lf,%lf,%lf,%lf%c", &c[0], &c[1], &c[2], &c[3], &tail) == 4;
  if (!parsed || !std::isfinite(c[0]) || !std::isfinite(c[1]) || !std::isfinite(c[2]) ||
      !std::isfinite(c[3]) || c[0] > c[2] || c[1] > c[3] || c[0] < -180 || c[2] > 180 ||
      c[1] < -90 || c[3] > 90) {
    return v.Add("bbox", {"harus min_lon,min_lat,max_lon,max_lat",
                          "must be min_lon,min_lat,max_lon,max_lat"});
  }
  f.bbox = ReportFilter::BBox{c[0], c[1], c[2], c[3]};
}

}  // namespace

Result<ReportFilter> ParseReportFilter(const Request& req, const std::string& region_code,
                                       FilterPaging paging) {
  ReportFilter f{.region_code = region_code};
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
  if (paging.paged) {
    auto page = http::ParsePage(req, paging.default_limit, paging.max_limit);
    if (!page.ok()) return std::move(page).error();
    f.limit = page->limit;
    if (page->after) {
      f.before_id = internal::ParseId(*page->after);
      if (!f.before_id) v.Add("cursor", {"tidak sah", "invalid"});
    }
  }
  if (!v.ok()) return std::move(v).ToError();
  return f;
}

}  // namespace kc::reports
