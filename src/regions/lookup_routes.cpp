// HTTP adapter for the point-to-area lookup: GET /api/v1/geo/lookup?lat=&lon=[&region=].
#include <boost/json.hpp>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "http/response.h"
#include "regions/region_json.h"
#include "regions/regions_module.h"

namespace kc::regions {
namespace {

using http::Request;
using http::Response;

// Reads a required decimal query parameter; records a field error and returns NaN otherwise.
double NumberParam(const Request& req, const char* name, Validation& v) {
  const auto raw = req.Query(name);
  if (!raw || raw->empty()) {
    v.Add(name, {"wajib diisi", "is required"});
    return std::numeric_limits<double>::quiet_NaN();
  }
  char* end = nullptr;
  const double value = std::strtod(raw->c_str(), &end);
  if (*end != '\0' || !std::isfinite(value)) {
    v.Add(name, {"harus berupa angka desimal", "must be a decimal number"});
    return std::numeric_limits<double>::quiet_NaN();
  }
  return value;
}

Response Lookup(RegionsModule& m, const Request& req) {
  Validation v;
  const double lat = NumberParam(req, "lat", v);
  const double lon = NumberParam(req, "lon", v);
  if (!v.ok()) return http::ErrorResponse(std::move(v).ToError(), req.english);
  std::string region_code;
  if (auto region = req.Query("region"); region && !region->empty()) {
    auto found = m.service().FindRegion(*region);
    if (!found.ok()) return http::ErrorResponse(found.error(), req.english);
    region_code = found->code;
  }
  auto match = m.Locate(region_code, lat, lon);
  if (!match.ok()) return http::ErrorResponse(match.error(), req.english);
  return http::JsonResponse(200, MatchJson(*match));
}

}  // namespace

void AddLookupRoutes(http::Router& router, std::shared_ptr<RegionsModule> module) {
  router.Add({.method = http::Method::kGet,
              .pattern = "/api/v1/geo/lookup",
              .permission = "public",
              .handler = http::Sync([module](Request& req) { return Lookup(*module, req); }),
              .doc = {.summary = "Kelurahan, kecamatan and kab/kota containing a point",
                      .tag = "geo",
                      .params = {{.name = "lat", .description = "Latitude (WGS84)", .required = true,
                                  .type = "number"},
                                 {.name = "lon", .description = "Longitude (WGS84)", .required = true,
                                  .type = "number"},
                                 {.name = "region", .description = "Region code or slug: "
                                  "only its areas answer; outside them is an error"}},
                      .responses = {200, 400, 404}}});
}

}  // namespace kc::regions
