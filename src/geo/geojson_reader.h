// Reading administrative boundaries from RFC 7946 GeoJSON (WGS84 lon/lat).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "geo/boundary.h"

namespace kc::geo {

// 200 MB: the nationwide kelurahan/desa layer (~84k features) is expected well below this, while
// a larger upload is almost certainly a mistake (and would need several GB of memory to parse).
inline constexpr std::size_t kDefaultMaxGeoJsonBytes = 200u * 1000u * 1000u;

struct GeoJsonReadOptions {
  std::size_t max_bytes = kDefaultMaxGeoJsonBytes;
  // If false, an invalid geometry is an error instead of being repaired.
  bool repair_invalid = true;
};

// Parses a FeatureCollection whose features have properties "code" and "name" (non-empty
// strings) and a Polygon or MultiPolygon geometry. Returns the features in file order, each with
// a valid GEOS geometry (invalid input repaired with MakeValid and flagged, see BoundaryFeature).
//
// Errors (all ErrorCode::kInvalidArgument, bilingual message naming the feature index and the
// problem, and one FieldError whose field is the JSON path, e.g. "features[3].geometry"):
// text larger than `max_bytes`; not JSON; not a FeatureCollection; no features; a feature that
// is not an object of type "Feature"; missing/empty/non-string code or name; a code repeated in
// the file; geometry missing or not Polygon/MultiPolygon; a polygon without rings; a ring with
// fewer than 4 positions or not closed; a position that is not an array of exactly 2 numbers
// (3 is accepted, the altitude ignored); a coordinate that is not finite or out of range
// (lon -180..180, lat -90..90); an invalid geometry that cannot be repaired (or any invalid one
// when repair_invalid is false). The first problem found is reported.
//
// Thread-safety: may be called concurrently; each call uses its own GEOS factory. Never throws.
Result<std::vector<BoundaryFeature>> ParseBoundaries(std::string_view geojson,
                                                     const GeoJsonReadOptions& options = {});

// Reads the file at `path` and parses it as ParseBoundaries does. The size limit is checked
// before reading. Errors: kNotFound if the file cannot be opened or read; otherwise as above.
Result<std::vector<BoundaryFeature>> ReadBoundariesFile(const std::string& path,
                                                        const GeoJsonReadOptions& options = {});

}  // namespace kc::geo
