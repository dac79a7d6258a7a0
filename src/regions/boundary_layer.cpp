#include "regions/boundary_layer.h"

#include <boost/json.hpp>
#include <cstdio>
#include <vector>

#include "geo/geojson_writer.h"
#include "geo/wkb.h"
#include "regions/gzip.h"

namespace kc::regions {
namespace {

std::string Fnv1aHex(std::string_view data) {
  uint64_t h = 1469598103934665603ULL;
  for (char c : data) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

// The writer emits properties {code, name}; the map also wants the level of each feature.
Result<std::string> AddLevel(const std::string& collection, AreaLevel level) {
  boost::system::error_code ec;
  boost::json::value doc = boost::json::parse(collection, ec);
  if (ec || !doc.is_object()) return Internal("geojson writer output is not an object");
  auto* features = doc.as_object().if_contains("features");
  if (features == nullptr || !features->is_array()) return Internal("geojson without features");
  for (auto& f : features->as_array()) {
    if (auto* props = f.as_object().if_contains("properties"); props && props->is_object()) {
      props->as_object()["level"] = LevelName(level);
    }
  }
  return boost::json::serialize(doc);
}

}  // namespace

Result<std::shared_ptr<const BoundaryLayer>> BoundaryLayers::Get(std::string_view region_code,
                                                                 AreaLevel level,
                                                                 double tolerance_deg) {
  char tol[32];
  std::snprintf(tol, sizeof tol, "%.9f", tolerance_deg);
  const std::string key = std::string(region_code) + "|" + std::string(LevelName(level)) + "|" + tol;
  KC_ASSIGN_OR_RETURN(int64_t version, store_.BoundaryVersion());
  {
    std::lock_guard lock(mu_);
    if (version != version_) {
      cache_.clear();
      version_ = version;
    }
    if (auto it = cache_.find(key); it != cache_.end()) return it->second;
  }
  // Built outside the lock: a layer of a large kabupaten takes a while, other keys need not wait.
  KC_ASSIGN_OR_RETURN(auto layer, Build(region_code, level, tolerance_deg));
  std::lock_guard lock(mu_);
  if (version == version_) {
    if (cache_.size() >= kLayerCacheEntries) cache_.clear();
    cache_[key] = layer;
  }
  return layer;
}

Result<std::shared_ptr<const BoundaryLayer>> BoundaryLayers::Build(std::string_view region_code,
                                                                   AreaLevel level,
                                                                   double tolerance_deg) {
  const std::string prefix =
      level == AreaLevel::kKabKota ? std::string(region_code) : std::string(region_code) + ".";
  KC_ASSIGN_OR_RETURN(auto records, store_.LoadBoundaries(level, prefix));
  auto layer = std::make_shared<BoundaryLayer>();
  if (records.empty()) {
    layer->body = R"({"type":"FeatureCollection","features":[]})";
  } else {
    std::vector<std::unique_ptr<geos::geom::Geometry>> geometries;
    std::vector<geo::OutputFeature> features;
    geometries.reserve(records.size());
    for (const auto& r : records) {
      auto g = geo::DecodeWkb(r.wkb);
      if (!g.ok()) return Internal("stored boundary " + r.code + " cannot be decoded");
      geometries.push_back(std::move(g).value());
      features.push_back({.code = r.code, .name = r.name, .geometry = geometries.back().get()});
    }
    auto text = geo::WriteFeatureCollection(features, {.simplify_tolerance_deg = tolerance_deg});
    if (!text.ok()) return Internal("boundary layer: " + text.error().message.en);
    KC_ASSIGN_OR_RETURN(layer->body, AddLevel(*text, level));
  }
  layer->gzip = Gzip(layer->body);
  const std::string hash = Fnv1aHex(layer->body);
  layer->etag = "\"" + hash + "\"";
  layer->gzip_etag = "\"" + hash + "-gz\"";
  return std::shared_ptr<const BoundaryLayer>(std::move(layer));
}

}  // namespace kc::regions
