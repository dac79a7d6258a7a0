// HTTP adapters for regions, their area tree and boundary layers (all public reads).
#include <boost/json.hpp>
#include <cmath>
#include <cstdlib>

#include "http/response.h"
#include "regions/boundary_import.h"
#include "regions/gzip.h"
#include "regions/region_json.h"
#include "regions/regions_module.h"

namespace kc::regions {
namespace {

using http::Method;
using http::Request;
using http::Response;

Response ListRegions(RegionsModule& m, const Request& req) {
  auto regions = m.service().ListRegions();
  if (!regions.ok()) return http::ErrorResponse(regions.error(), req.english);
  boost::json::array items;
  for (const Region& r : *regions) items.push_back(RegionJson(r));
  return http::JsonResponse(200, {{"items", std::move(items)}});
}

Response GetProfile(RegionsModule& m, const Request& req) {
  auto profile = m.service().Profile(req.Param("region"));
  if (!profile.ok()) return http::ErrorResponse(profile.error(), req.english);
  return http::JsonResponse(200, ProfileJson(*profile));
}

Response GetAreas(RegionsModule& m, const Request& req) {
  auto region = m.service().FindRegion(req.Param("region"));
  if (!region.ok()) return http::ErrorResponse(region.error(), req.english);
  auto tree = m.service().AreaTree(*region);
  if (!tree.ok()) return http::ErrorResponse(tree.error(), req.english);
  return http::JsonResponse(200, AreaTreeJson(*region, *tree));
}

struct LayerQuery {
  AreaLevel level = AreaLevel::kKecamatan;
  double tolerance = 0;
};

Result<LayerQuery> ParseLayerQuery(const Request& req) {
  LayerQuery q;
  Validation v;
  if (auto level = req.Query("level")) {
    auto parsed = ParseLevel(*level);
    if (!parsed || !IsBoundaryLevel(*parsed)) {
      v.Add("level", {"harus kecamatan, kelurahan atau kabkota",
                      "must be kecamatan, kelurahan or kabkota"});
    } else {
      q.level = *parsed;
    }
  }
  if (auto tol = req.Query("tolerance")) {
    char* end = nullptr;
    q.tolerance = std::strtod(tol->c_str(), &end);
    if (tol->empty() || *end != '\0' || !std::isfinite(q.tolerance) || q.tolerance < 0 ||
        q.tolerance > kMaxSimplifyToleranceDeg) {
      v.Add("tolerance", {"harus angka antara 0 dan 0.01 (derajat)",
                          "must be a number between 0 and 0.01 (degrees)"});
    }
  }
  if (!v.ok()) return std::move(v).ToError();
  return q;
}

bool EtagMatches(std::string_view if_none_match, const std::string& etag) {
  if (if_none_match.empty()) return false;
  if (if_none_match == "*") return true;
  const std::string weak = "W/" + etag;
  return if_none_match.find(etag) != std::string_view::npos ||
         if_none_match.find(weak) != std::string_view::npos;
}

Response GetBoundaries(RegionsModule& m, const Request& req) {
  auto region = m.service().FindRegion(req.Param("region"));
  if (!region.ok()) return http::ErrorResponse(region.error(), req.english);
  auto query = ParseLayerQuery(req);
  if (!query.ok()) return http::ErrorResponse(query.error(), req.english);
  auto layer = m.layers().Get(region->code, query->level, query->tolerance);
  if (!layer.ok()) return http::ErrorResponse(layer.error(), req.english);
  const BoundaryLayer& l = **layer;
  const bool gzip = l.gzip && AcceptsGzip(req.Header("accept-encoding"));
  const std::string& etag = gzip ? l.gzip_etag : l.etag;
  Response r;
  r.content_type = "application/geo+json";
  r.Header("ETag", etag).Header("Vary", "Accept-Encoding").Header("Cache-Control", "public, max-age=300");
  if (EtagMatches(req.Header("if-none-match"), etag)) {
    r.status = 304;
    return r;
  }
  if (gzip) {
    r.Header("Content-Encoding", "gzip");
    r.body = *l.gzip;
  } else {
    r.body = l.body;
  }
  return r;
}

}  // namespace

void AddRegionRoutes(http::Router& router, std::shared_ptr<RegionsModule> module) {
  router.Add({.method = Method::kGet,
              .pattern = "/api/v1/regions",
              .permission = "public",
              .handler = http::Sync([module](Request& req) { return ListRegions(*module, req); }),
              .doc = {.summary = "Regions (tenants)", .tag = "regions"}});
  router.Add({.method = Method::kGet,
              .pattern = "/api/v1/regions/{region}",
              .permission = "public",
              .handler = http::Sync([module](Request& req) { return GetProfile(*module, req); }),
              .doc = {.summary = "Region profile: time zone, province, area counts, boundaries",
                      .tag = "regions", .responses = {200, 404}}});
  router.Add({.method = Method::kGet,
              .pattern = "/api/v1/regions/{region}/areas",
              .permission = "public",
              .handler = http::Sync([module](Request& req) { return GetAreas(*module, req); }),
              .doc = {.summary = "Kecamatan and their kelurahan/desa, from the hierarchy",
                      .tag = "regions", .responses = {200, 404}}});
  router.Add({.method = Method::kGet,
              .pattern = "/api/v1/regions/{region}/boundaries",
              .permission = "public",
              .handler = http::Sync([module](Request& req) { return GetBoundaries(*module, req); }),
              .doc = {.summary = "Boundary polygons as an RFC 7946 FeatureCollection (gzip, ETag)",
                      .tag = "regions",
                      .params = {{.name = "level", .description = "kecamatan (default), kelurahan or kabkota"},
                                 {.name = "tolerance", .description = "Simplification in degrees, 0 to 0.01",
                                  .type = "number"}},
                      .responses = {200, 304, 400, 404}}});
}

}  // namespace kc::regions
