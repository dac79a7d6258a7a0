#include "geo/wkb.h"

#include <geos/io/WKBConstants.h>
#include <geos/io/WKBReader.h>
#include <geos/io/WKBWriter.h>

#include <exception>
#include <sstream>
#include <string>

#include "geo/geos_util.h"

namespace kc::geo {

Result<std::string> EncodeWkb(const geos::geom::Geometry& geometry) {
  try {
    geos::io::WKBWriter writer(2, geos::io::WKBConstants::wkbNDR, /*includeSRID=*/false,
                               geos::io::WKBConstants::wkbIso);
    std::ostringstream out(std::ios::binary);
    writer.write(geometry, out);
    return std::move(out).str();
  } catch (const std::exception& e) {
    return InvalidArgument({std::string("geometri tidak dapat dikodekan ke WKB: ") + e.what(),
                            std::string("geometry cannot be encoded as WKB: ") + e.what()});
  }
}

Result<std::unique_ptr<geos::geom::Geometry>> DecodeWkb(
    std::span<const std::uint8_t> wkb, const geos::geom::GeometryFactory* factory) {
  if (wkb.empty()) return InvalidArgument({"WKB kosong", "empty WKB"});
  geos::geom::GeometryFactory::Ptr own;
  if (factory == nullptr) {
    own = NewFactory();
    factory = own.get();
  }
  try {
    geos::io::WKBReader reader(*factory);
    auto geometry = reader.read(wkb.data(), wkb.size());
    // GEOS ignores bytes after the geometry. Re-encoding gives the exact length of a 2D WKB of
    // this geometry, so trailing bytes (or a 3D/EWKB flavour, which we do not store) show up as
    // a size mismatch.
    KC_ASSIGN_OR_RETURN(const std::string canonical, EncodeWkb(*geometry));
    if (canonical.size() != wkb.size()) {
      return InvalidArgument({"WKB berisi byte berlebih atau bukan WKB 2D",
                              "WKB has trailing bytes or is not 2D WKB"});
    }
    return geometry;
  } catch (const std::exception& e) {
    return InvalidArgument(
        {std::string("WKB tidak valid: ") + e.what(), std::string("invalid WKB: ") + e.what()});
  }
}

Result<std::unique_ptr<geos::geom::Geometry>> DecodeWkb(
    const std::string& wkb, const geos::geom::GeometryFactory* factory) {
  return DecodeWkb(
      std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(wkb.data()), wkb.size()),
      factory);
}

}  // namespace kc::geo
