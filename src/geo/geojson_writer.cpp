#include "geo/geojson_writer.h"

#include <geos/geom/CoordinateSequence.h>
#include <geos/geom/LinearRing.h>
#include <geos/geom/Polygon.h>
#include <geos/simplify/TopologyPreservingSimplifier.h>

#include <algorithm>
#include <boost/json.hpp>
#include <charconv>
#include <cmath>
#include <exception>
#include <memory>
#include <utility>
#include <vector>

#include "geo/geos_util.h"

namespace kc::geo {
namespace {

using geos::geom::Geometry;
using geos::geom::GeometryTypeId;
using geos::geom::Polygon;

struct Pos {
  double x;
  double y;
  bool operator==(const Pos&) const = default;
};
using Ring = std::vector<Pos>;

// 6 decimals is ~0.11 m at the equator: finer than the source data, and what RFC 7946 §11.2
// suggests. Normalising -0 keeps the output byte-stable.
double Round6(double v) {
  const double r = std::round(v * 1e6) / 1e6;
  return r == 0.0 ? 0.0 : r;
}

// Rounds, merges consecutive equal positions; returns an empty ring if fewer than 4 are left.
Ring RoundRing(const geos::geom::LinearRing& ring) {
  const geos::geom::CoordinateSequence* cs = ring.getCoordinatesRO();
  Ring out;
  out.reserve(cs->size());
  for (std::size_t i = 0; i < cs->size(); ++i) {
    const Pos p{Round6(cs->getX(i)), Round6(cs->getY(i))};
    if (out.empty() || !(out.back() == p)) out.push_back(p);
  }
  if (out.size() < 4 || !(out.front() == out.back())) return {};
  return out;
}

// Twice the signed area (shoelace): positive for counter-clockwise.
double SignedArea2(const Ring& r) {
  double sum = 0;
  for (std::size_t i = 0; i + 1 < r.size(); ++i) {
    sum += (r[i].x - r[0].x) * (r[i + 1].y - r[0].y) - (r[i + 1].x - r[0].x) * (r[i].y - r[0].y);
  }
  return sum;
}

// Orients per RFC 7946 §3.1.6; returns false for a ring with no area left.
bool Orient(Ring& r, bool counter_clockwise) {
  const double a = SignedArea2(r);
  if (a == 0.0) return false;
  if ((a > 0) != counter_clockwise) std::reverse(r.begin(), r.end());
  return true;
}

void AppendNumber(std::string& out, double v) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 6);
  if (ec != std::errc()) end = buf;
  // Trim trailing zeros ("124.800000" -> "124.8", "1.000000" -> "1").
  char* last = end;
  if (std::find(buf, end, '.') != end) {
    while (last > buf && last[-1] == '0') --last;
    if (last > buf && last[-1] == '.') --last;
  }
  out.append(buf, last);
}

void AppendRing(std::string& out, const Ring& r) {
  out += '[';
  for (std::size_t i = 0; i < r.size(); ++i) {
    if (i > 0) out += ',';
    out += '[';
    AppendNumber(out, r[i].x);
    out += ',';
    AppendNumber(out, r[i].y);
    out += ']';
  }
  out += ']';
}

// Appends the rings of one polygon ("[[...],[...]]"); returns false if its exterior collapsed.
bool AppendPolygon(std::string& out, const Polygon& poly) {
  Ring shell = RoundRing(*poly.getExteriorRing());
  if (shell.empty() || !Orient(shell, true)) return false;
  out += '[';
  AppendRing(out, shell);
  for (std::size_t i = 0; i < poly.getNumInteriorRing(); ++i) {
    Ring hole = RoundRing(*poly.getInteriorRingN(i));
    if (hole.empty() || !Orient(hole, false)) continue;
    out += ',';
    AppendRing(out, hole);
  }
  out += ']';
  return true;
}

// Appends {"type":...,"coordinates":...}; returns false if nothing is left to write.
bool AppendGeometry(std::string& out, const Geometry& g, bool was_multi) {
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < g.getNumGeometries(); ++i) {
    const auto* poly = dynamic_cast<const Polygon*>(g.getGeometryN(i));
    std::string part;
    if (poly != nullptr && AppendPolygon(part, *poly)) parts.push_back(std::move(part));
  }
  if (parts.empty()) return false;
  const bool multi = was_multi || parts.size() > 1;
  out += multi ? R"({"type":"MultiPolygon","coordinates":)" : R"({"type":"Polygon","coordinates":)";
  if (multi) out += '[';
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += ',';
    out += parts[i];
  }
  if (multi) out += ']';
  out += '}';
  return true;
}

Error WriteError(std::size_t index, const std::string& id, const std::string& en) {
  const std::string n = std::to_string(index);
  return InvalidArgument({"Fitur #" + n + ": " + id, "Feature #" + n + ": " + en});
}

Result<std::string> WriteOne(std::size_t index, const OutputFeature& f,
                             const GeoJsonWriteOptions& options) {
  if (f.geometry == nullptr || !IsPolygonal(*f.geometry)) {
    return WriteError(index, "geometri harus Polygon atau MultiPolygon",
                      "geometry must be a Polygon or MultiPolygon");
  }
  std::unique_ptr<Geometry> simplified;
  const Geometry* g = f.geometry;
  if (options.simplify_tolerance_deg > 0) {
    try {
      simplified = geos::simplify::TopologyPreservingSimplifier::simplify(
          f.geometry, options.simplify_tolerance_deg);
      g = simplified.get();
    } catch (const std::exception& e) {
      return WriteError(index, std::string("penyederhanaan gagal: ") + e.what(),
                        std::string("simplification failed: ") + e.what());
    }
  }
  std::string out = R"({"type":"Feature","id":)";
  const std::string code = boost::json::serialize(boost::json::string(f.code));
  out += code;
  out += R"(,"properties":{"code":)";
  out += code;
  out += R"(,"name":)";
  out += boost::json::serialize(boost::json::string(f.name));
  out += R"(},"geometry":)";
  const bool was_multi = f.geometry->getGeometryTypeId() == GeometryTypeId::GEOS_MULTIPOLYGON;
  if (!AppendGeometry(out, *g, was_multi)) {
    return WriteError(index, "geometri hilang setelah pembulatan/penyederhanaan",
                      "geometry collapses after rounding/simplification");
  }
  out += '}';
  return out;
}

}  // namespace

Result<std::string> WriteFeatureCollection(std::span<const OutputFeature> features,
                                           const GeoJsonWriteOptions& options) {
  std::string out = R"({"type":"FeatureCollection","features":[)";
  for (std::size_t i = 0; i < features.size(); ++i) {
    KC_ASSIGN_OR_RETURN(std::string feature, WriteOne(i, features[i], options));
    if (i > 0) out += ",\n";
    out += feature;
  }
  out += "]}\n";
  return out;
}

}  // namespace kc::geo
