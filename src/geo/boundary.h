// Types shared by the geo module: a bounding box and one parsed administrative boundary.
#pragma once

#include <geos/geom/Geometry.h>

#include <cstddef>
#include <memory>
#include <string>

namespace kc::geo {

// An axis-aligned box in WGS84 degrees (lon = x, lat = y). Empty when min > max.
struct BBox {
  double min_lon = 1.0;
  double min_lat = 1.0;
  double max_lon = -1.0;
  double max_lat = -1.0;

  bool empty() const { return min_lon > max_lon || min_lat > max_lat; }
  bool Contains(double lon, double lat) const {
    return lon >= min_lon && lon <= max_lon && lat >= min_lat && lat <= max_lat;
  }
};

// One administrative area (kecamatan, kelurahan/desa, ...) read from a boundary file.
struct BoundaryFeature {
  std::size_t index = 0;  // position in the file's "features" array (0-based)
  std::string code;       // Kepmendagri code with dots, e.g. "71.71.01" or "71.71.01.1001"
  std::string name;       // official name, e.g. "Bunaken"
  // A valid Polygon or MultiPolygon (never null, never empty). Geometries from one parse share
  // one GEOS factory whose reference count is not atomic: create and destroy the features of one
  // parse on one thread at a time. Concurrent const reads (e.g. PreparedGeometry built per
  // thread) are fine.
  std::unique_ptr<geos::geom::Geometry> geometry;
  BBox bbox;
  bool repaired = false;    // true if the input was invalid and was repaired
  std::string repair_note;  // what was wrong, e.g. "Self-intersection at (124.8, 1.5)"
};

}  // namespace kc::geo
