// Writing boundaries as an RFC 7946 GeoJSON FeatureCollection (for map layers and exports).
#pragma once

#include <geos/geom/Geometry.h>

#include <span>
#include <string>
#include <string_view>

#include "core/result.h"

namespace kc::geo {

// One feature to write. The pointers/views must stay valid during the call.
struct OutputFeature {
  std::string_view code;
  std::string_view name;
  const geos::geom::Geometry* geometry = nullptr;  // Polygon or MultiPolygon
};

struct GeoJsonWriteOptions {
  // Douglas-Peucker tolerance in degrees for geos::simplify::TopologyPreservingSimplifier;
  // 0 writes the vertices unchanged (0.0001 deg is about 11 m).
  double simplify_tolerance_deg = 0.0;
};

// Returns a compact FeatureCollection, one Feature per input in order, each with "id" = code
// and properties {"code", "name"}. Coordinates are rounded to 6 decimals (about 0.1 m);
// consecutive positions made equal by rounding are merged and rings left with fewer than 4
// positions are dropped (a polygon whose exterior collapses is dropped). Rings are oriented per
// RFC 7946: exteriors counter-clockwise, holes clockwise. A Polygon input stays a Polygon unless
// it was split; a MultiPolygon stays a MultiPolygon.
// Errors: kInvalidArgument naming the feature index if a geometry is null, not polygonal, or
// collapses entirely at this precision/tolerance, or if GEOS fails to simplify it.
// Thread-safety: safe to call concurrently when the geometries are not shared across threads
// (simplification creates geometries from each input's factory).
Result<std::string> WriteFeatureCollection(std::span<const OutputFeature> features,
                                           const GeoJsonWriteOptions& options = {});

}  // namespace kc::geo
