// Small helpers around the GEOS C++ API. Internal to the geo module (used by its .cpp files and
// tests); callers of the module should not need GEOS beyond geos::geom::Geometry.
#pragma once

#include <geos/geom/Geometry.h>
#include <geos/geom/GeometryFactory.h>

#include <memory>
#include <string>

#include "core/result.h"
#include "geo/boundary.h"

namespace kc::geo {

// A new GEOS factory (floating precision, SRID 0). Geometries made from it keep it alive, so the
// returned handle may be dropped before them. Use one factory per thread: its reference count is
// not atomic.
geos::geom::GeometryFactory::Ptr NewFactory();

// The bounding box of a geometry (empty BBox for an empty geometry).
BBox BBoxOf(const geos::geom::Geometry& geometry);

// True for Polygon and MultiPolygon.
bool IsPolygonal(const geos::geom::Geometry& geometry);

// Checks validity. If `geometry` is valid, returns it unchanged and leaves `note` empty. If not,
// repairs it with GEOS MakeValid (falling back to buffer(0)), keeps only the areal parts, and sets
// `note` to the validation error, e.g. "Self-intersection at (1, 1)".
// Errors: kInvalidArgument if nothing areal is left or GEOS fails (message in Text form).
Result<std::unique_ptr<geos::geom::Geometry>> ValidateOrRepair(
    std::unique_ptr<geos::geom::Geometry> geometry, std::string& note);

}  // namespace kc::geo
