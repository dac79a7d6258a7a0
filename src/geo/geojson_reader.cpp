#include "geo/geojson_reader.h"

#include <geos/geom/Coordinate.h>
#include <geos/geom/LinearRing.h>
#include <geos/geom/MultiPolygon.h>
#include <geos/geom/Polygon.h>

#include <boost/json.hpp>
#include <cmath>
#include <exception>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <unordered_set>
#include <utility>

#include "geo/geos_util.h"

namespace kc::geo {
namespace {

namespace json = boost::json;
using geos::geom::Coordinate;
using geos::geom::GeometryFactory;
using geos::geom::LinearRing;
using geos::geom::Polygon;

// One problem found while walking a feature: where (a JSON path below the feature) and what.
struct Issue {
  std::string path;
  std::string id;
  std::string en;
};
using MaybeIssue = std::optional<Issue>;

Error FileError(const std::string& id, const std::string& en, const std::string& field) {
  Error e = InvalidArgument(
      {"Berkas GeoJSON batas wilayah ditolak: " + id, "Boundary GeoJSON rejected: " + en});
  e.With(field, {id, en});
  return e;
}

Error FeatureError(std::size_t index, const Issue& issue) {
  const std::string n = std::to_string(index);
  const std::string field = "features[" + n + "]" + issue.path;
  Error e = InvalidArgument({"Fitur #" + n + " (" + field + "): " + issue.id,
                             "Feature #" + n + " (" + field + "): " + issue.en});
  e.With(field, {issue.id, issue.en});
  return e;
}

bool AsDouble(const json::value& v, double& out) {
  if (const double* d = v.if_double()) {
    out = *d;
  } else if (const std::int64_t* i = v.if_int64()) {
    out = static_cast<double>(*i);
  } else if (const std::uint64_t* u = v.if_uint64()) {
    out = static_cast<double>(*u);
  } else {
    return false;
  }
  return true;
}

std::string PathIndex(const std::string& base, std::size_t i) {
  return base + "[" + std::to_string(i) + "]";
}

MaybeIssue ParsePosition(const json::value& v, const std::string& path, Coordinate& out) {
  const json::array* a = v.if_array();
  if (a == nullptr || a->size() < 2 || a->size() > 3) {
    return Issue{path, "posisi harus berupa larik [bujur, lintang] (2 angka)",
                 "a position must be an array [lon, lat] of 2 numbers"};
  }
  double lon = 0;
  double lat = 0;
  for (std::size_t i = 0; i < a->size(); ++i) {
    double ignored = 0;
    if (!AsDouble((*a)[i], i == 0 ? lon : i == 1 ? lat : ignored)) {
      return Issue{PathIndex(path, i), "koordinat bukan angka", "coordinate is not a number"};
    }
  }
  if (!std::isfinite(lon) || !std::isfinite(lat)) {
    return Issue{path, "koordinat tidak berhingga (NaN/Inf)", "coordinate is not finite"};
  }
  if (lon < -180.0 || lon > 180.0 || lat < -90.0 || lat > 90.0) {
    return Issue{path, "koordinat di luar rentang (bujur -180..180, lintang -90..90)",
                 "coordinate out of range (lon -180..180, lat -90..90)"};
  }
  out = Coordinate(lon, lat);
  return std::nullopt;
}

MaybeIssue ParseRing(const json::value& v, const std::string& path, std::vector<Coordinate>& out) {
  const json::array* a = v.if_array();
  if (a == nullptr)
    return Issue{path, "cincin harus berupa larik posisi", "a ring must be an array of positions"};
  if (a->size() < 4) {
    return Issue{path, "cincin memiliki kurang dari 4 posisi (" + std::to_string(a->size()) + ")",
                 "ring has fewer than 4 positions (" + std::to_string(a->size()) + ")"};
  }
  out.clear();
  out.reserve(a->size());
  for (std::size_t i = 0; i < a->size(); ++i) {
    Coordinate c;
    if (auto issue = ParsePosition((*a)[i], PathIndex(path, i), c)) return issue;
    out.push_back(c);
  }
  if (!out.front().equals2D(out.back())) {
    return Issue{path, "cincin tidak tertutup (posisi pertama dan terakhir berbeda)",
                 "ring is not closed (first and last positions differ)"};
  }
  return std::nullopt;
}

MaybeIssue ParsePolygon(const json::value& v, const std::string& path,
                        const GeometryFactory& factory, std::unique_ptr<Polygon>& out) {
  const json::array* rings = v.if_array();
  if (rings == nullptr || rings->empty()) {
    return Issue{path, "poligon harus berupa larik cincin yang tidak kosong",
                 "a polygon must be a non-empty array of rings"};
  }
  std::unique_ptr<LinearRing> shell;
  std::vector<std::unique_ptr<LinearRing>> holes;
  std::vector<Coordinate> coords;
  for (std::size_t i = 0; i < rings->size(); ++i) {
    if (auto issue = ParseRing((*rings)[i], PathIndex(path, i), coords)) return issue;
    auto ring = factory.createLinearRing(std::move(coords));
    coords = {};
    if (i == 0) {
      shell = std::move(ring);
    } else {
      holes.push_back(std::move(ring));
    }
  }
  out = factory.createPolygon(std::move(shell), std::move(holes));
  return std::nullopt;
}

MaybeIssue ParseGeometry(const json::value* v, const GeometryFactory& factory,
                         std::unique_ptr<geos::geom::Geometry>& out) {
  const std::string path = ".geometry";
  const json::object* g = v == nullptr ? nullptr : v->if_object();
  if (g == nullptr) return Issue{path, "geometri tidak ada", "geometry is missing"};
  const json::value* type = g->if_contains("type");
  const json::string* t = type == nullptr ? nullptr : type->if_string();
  const std::string tname = t == nullptr ? "(none)" : std::string(*t);
  if (tname != "Polygon" && tname != "MultiPolygon") {
    return Issue{path + ".type", "jenis geometri harus Polygon atau MultiPolygon, bukan " + tname,
                 "geometry type must be Polygon or MultiPolygon, not " + tname};
  }
  const json::value* coords = g->if_contains("coordinates");
  const std::string cpath = path + ".coordinates";
  if (coords == nullptr || !coords->is_array() || coords->get_array().empty()) {
    return Issue{cpath, "koordinat tidak ada atau kosong", "coordinates missing or empty"};
  }
  if (tname == "Polygon") {
    std::unique_ptr<Polygon> poly;
    if (auto issue = ParsePolygon(*coords, cpath, factory, poly)) return issue;
    out = std::move(poly);
    return std::nullopt;
  }
  std::vector<std::unique_ptr<Polygon>> polys;
  const json::array& parts = coords->get_array();
  for (std::size_t i = 0; i < parts.size(); ++i) {
    std::unique_ptr<Polygon> poly;
    if (auto issue = ParsePolygon(parts[i], PathIndex(cpath, i), factory, poly)) return issue;
    polys.push_back(std::move(poly));
  }
  out = factory.createMultiPolygon(std::move(polys));
  return std::nullopt;
}

MaybeIssue ParseTextProperty(const json::object* props, const char* key, std::string& out) {
  const json::value* v = props == nullptr ? nullptr : props->if_contains(key);
  const json::string* s = v == nullptr ? nullptr : v->if_string();
  if (s == nullptr || s->empty()) {
    return Issue{std::string(".properties.") + key,
                 std::string("properti \"") + key + "\" tidak ada atau kosong",
                 std::string("property \"") + key + "\" is missing or empty"};
  }
  out = std::string(*s);
  return std::nullopt;
}

MaybeIssue ParseFeature(const json::value& v, const GeometryFactory& factory,
                        const GeoJsonReadOptions& options, BoundaryFeature& f) {
  const json::object* obj = v.if_object();
  const json::value* type = obj == nullptr ? nullptr : obj->if_contains("type");
  if (type == nullptr || !type->is_string() || type->get_string() != "Feature") {
    return Issue{"", "bukan objek Feature", "not a Feature object"};
  }
  const json::value* pv = obj->if_contains("properties");
  const json::object* props = pv == nullptr ? nullptr : pv->if_object();
  if (auto issue = ParseTextProperty(props, "code", f.code)) return issue;
  if (auto issue = ParseTextProperty(props, "name", f.name)) return issue;
  std::unique_ptr<geos::geom::Geometry> geometry;
  if (auto issue = ParseGeometry(obj->if_contains("geometry"), factory, geometry)) return issue;
  std::string note;
  auto valid = ValidateOrRepair(std::move(geometry), note);
  if (!valid.ok()) return Issue{".geometry", valid.error().message.id, valid.error().message.en};
  if (!note.empty() && !options.repair_invalid) {
    return Issue{".geometry", "geometri tidak valid: " + note, "invalid geometry: " + note};
  }
  f.geometry = std::move(valid).value();
  f.repaired = !note.empty();
  f.repair_note = std::move(note);
  f.bbox = BBoxOf(*f.geometry);
  return std::nullopt;
}

Result<std::vector<BoundaryFeature>> ParseFeatures(const json::value& root,
                                                   const GeoJsonReadOptions& options) {
  const json::object* obj = root.if_object();
  const json::value* type = obj == nullptr ? nullptr : obj->if_contains("type");
  if (type == nullptr || !type->is_string() || type->get_string() != "FeatureCollection") {
    return FileError("bukan FeatureCollection GeoJSON", "not a GeoJSON FeatureCollection", "type");
  }
  const json::value* fv = obj->if_contains("features");
  if (fv == nullptr || !fv->is_array()) {
    return FileError("\"features\" tidak ada atau bukan larik",
                     "\"features\" missing or not an array", "features");
  }
  const json::array& features = fv->get_array();
  if (features.empty()) {
    return FileError("FeatureCollection tidak berisi fitur (0 fitur)",
                     "the FeatureCollection has no features (0 features)", "features");
  }
  auto factory = NewFactory();
  std::vector<BoundaryFeature> out;
  out.reserve(features.size());
  std::unordered_set<std::string> codes;
  for (std::size_t i = 0; i < features.size(); ++i) {
    BoundaryFeature f;
    f.index = i;
    if (auto issue = ParseFeature(features[i], *factory, options, f))
      return FeatureError(i, *issue);
    if (!codes.insert(f.code).second) {
      return FeatureError(i, {".properties.code", "kode " + f.code + " muncul lebih dari sekali",
                              "code " + f.code + " appears more than once"});
    }
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace

Result<std::vector<BoundaryFeature>> ParseBoundaries(std::string_view geojson,
                                                     const GeoJsonReadOptions& options) {
  if (geojson.size() > options.max_bytes) {
    const std::string sizes =
        std::to_string(geojson.size()) + " > " + std::to_string(options.max_bytes) + " bytes";
    return FileError("berkas terlalu besar (" + sizes + ")", "file too large (" + sizes + ")", "");
  }
  try {
    boost::system::error_code ec;
    json::value root = json::parse(geojson, ec);
    if (ec) {
      return FileError("bukan JSON yang valid (" + ec.message() + ")",
                       "not valid JSON (" + ec.message() + ")", "");
    }
    return ParseFeatures(root, options);
  } catch (const std::exception& e) {
    // json::parse with an error_code still throws std::bad_alloc; GEOS throws its own exceptions
    // from ring/polygon constructors, which the checks above should make unreachable.
    return Internal(e.what());
  }
}

Result<std::vector<BoundaryFeature>> ReadBoundariesFile(const std::string& path,
                                                        const GeoJsonReadOptions& options) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) {
    return NotFound({"Berkas tidak dapat dibaca: " + path, "Cannot read file: " + path});
  }
  if (size > options.max_bytes) {
    const std::string sizes =
        std::to_string(size) + " > " + std::to_string(options.max_bytes) + " bytes";
    return FileError("berkas terlalu besar (" + sizes + ")", "file too large (" + sizes + ")", "");
  }
  std::ifstream in(path, std::ios::binary);
  std::string text(size, '\0');
  if (!in || !in.read(text.data(), static_cast<std::streamsize>(size))) {
    return NotFound({"Berkas tidak dapat dibaca: " + path, "Cannot read file: " + path});
  }
  return ParseBoundaries(text, options);
}

}  // namespace kc::geo
