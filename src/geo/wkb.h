// WKB (OGC Well-Known Binary) encoding for storing geometries in SQLite/PostgreSQL columns.
#pragma once

#include <geos/geom/Geometry.h>
#include <geos/geom/GeometryFactory.h>

#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include "core/result.h"

namespace kc::geo {

// Encodes a 2D geometry as little-endian ISO WKB (no SRID; the column stores WGS84, EPSG:4326).
// Errors: kInvalidArgument if GEOS cannot encode it. Thread-safe for distinct or const geometries.
Result<std::string> EncodeWkb(const geos::geom::Geometry& geometry);

// Decodes WKB (either byte order). The geometry is created with `factory` if given, else with a
// new private factory (geometries keep their factory alive), so concurrent calls on different
// threads are safe when `factory` is null; a shared factory must be used by one thread at a time.
// Only 2D WKB (ISO/OGC, no SRID: what EncodeWkb and PostGIS ST_AsBinary write) is accepted.
// Errors: kInvalidArgument for empty, truncated or malformed input, 3D/EWKB, or trailing bytes.
Result<std::unique_ptr<geos::geom::Geometry>> DecodeWkb(
    std::span<const std::uint8_t> wkb, const geos::geom::GeometryFactory* factory = nullptr);

// Convenience overload for bytes held in a std::string (as returned by EncodeWkb).
Result<std::unique_ptr<geos::geom::Geometry>> DecodeWkb(
    const std::string& wkb, const geos::geom::GeometryFactory* factory = nullptr);

}  // namespace kc::geo
