// Boundary map layers: a region's polygons of one level as an RFC 7946 FeatureCollection
// (properties code, name, level), simplified for the map's zoom, pre-compressed with gzip and
// cached in memory per (region, level, tolerance). The cache empties when the store's boundary
// version changes (an import).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "regions/region_store.h"

namespace kc::regions {

// Coarser than ~1 km (0.01 deg) makes kelurahan unrecognisable; the web map never asks for more.
inline constexpr double kMaxSimplifyToleranceDeg = 0.01;
// Distinct (region, level, tolerance) layers kept; the cache is emptied when it fills up.
inline constexpr size_t kLayerCacheEntries = 64;

struct BoundaryLayer {
  std::string body;                 // the GeoJSON text
  std::optional<std::string> gzip;  // body gzip-compressed (nullopt if zlib failed)
  std::string etag;                 // quoted strong ETag of `body`
  std::string gzip_etag;            // quoted strong ETag of the gzip representation
};

class BoundaryLayers {
 public:
  // Borrows `store`, which must outlive this object.
  explicit BoundaryLayers(RegionStore& store) : store_(store) {}

  // The layer for region `region_code` (a kab/kota code) at `level` (kabkota, kecamatan or
  // kelurahan) simplified with `tolerance_deg` (0..kMaxSimplifyToleranceDeg; the caller
  // validates). A region without boundaries of that level gets an empty FeatureCollection.
  // Errors: storage errors; kInternal when a stored geometry cannot be written. Thread-safe.
  Result<std::shared_ptr<const BoundaryLayer>> Get(std::string_view region_code, AreaLevel level,
                                                   double tolerance_deg);

 private:
  Result<std::shared_ptr<const BoundaryLayer>> Build(std::string_view region_code, AreaLevel level,
                                                     double tolerance_deg);
  RegionStore& store_;
  std::mutex mu_;
  int64_t version_ = -1;                                               // guarded by mu_
  std::map<std::string, std::shared_ptr<const BoundaryLayer>> cache_;  // guarded by mu_
};

}  // namespace kc::regions
