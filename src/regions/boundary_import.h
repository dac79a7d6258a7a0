// Importing boundary polygons (RFC 7946 GeoJSON, features with "code" and "name") for one level
// of the hierarchy. All or nothing: every feature is parsed, validated (repaired with MakeValid
// where needed) and checked against the hierarchy before one store transaction writes them all.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "core/result.h"
#include "geo/boundary.h"
#include "geo/geojson_reader.h"
#include "regions/region_store.h"

namespace kc::regions {

struct BoundaryImportResult {
  size_t features = 0;
  int64_t inserted = 0;
  int64_t replaced = 0;
  std::vector<std::string> repairs;  // "71.71.01 Bunaken: Self-intersection at (...)"
};

// Called while encoding features (done of total), then once with done == total before the store
// write. Runs on the caller's thread.
using ImportProgress = std::function<void(size_t done, size_t total)>;

// Levels a boundary file may hold.
bool IsBoundaryLevel(AreaLevel level);

// Stores `features` (from geo::ParseBoundaries) as boundaries of `level`. Errors, all
// kInvalidArgument naming the feature index with a FieldError "features[i].properties.code":
// a code not at `level` ("wrong_level") or not in the hierarchy at that level ("unknown_area");
// kInvalidArgument "areas_not_imported" if the hierarchy is empty; storage errors. Nothing is
// stored on any error.
Result<BoundaryImportResult> ImportBoundaries(RegionStore& store,
                                              const std::vector<geo::BoundaryFeature>& features,
                                              AreaLevel level, const ImportProgress& progress = {});

// Reads and parses the file (geo::ReadBoundariesFile: its errors name the feature index too),
// then imports as above.
Result<BoundaryImportResult> ImportBoundaryFile(RegionStore& store, const std::string& path,
                                                AreaLevel level,
                                                const ImportProgress& progress = {},
                                                const geo::GeoJsonReadOptions& options = {});

}  // namespace kc::regions
