#include "geo/geos_util.h"

#include <geos/geom/Envelope.h>
#include <geos/geom/MultiPolygon.h>
#include <geos/geom/Polygon.h>
#include <geos/geom/PrecisionModel.h>
#include <geos/operation/valid/IsValidOp.h>
#include <geos/operation/valid/MakeValid.h>
#include <geos/operation/valid/TopologyValidationError.h>

#include <exception>
#include <utility>
#include <vector>

namespace kc::geo {
namespace {

using geos::geom::Geometry;
using geos::geom::GeometryTypeId;

// Collects the Polygon parts of a (possibly mixed) geometry, as copies.
void CollectPolygons(const Geometry& g, std::vector<std::unique_ptr<Geometry>>& out) {
  if (g.getGeometryTypeId() == GeometryTypeId::GEOS_POLYGON) {
    if (!g.isEmpty()) out.push_back(g.clone());
    return;
  }
  if (g.getGeometryTypeId() == GeometryTypeId::GEOS_MULTIPOLYGON ||
      g.getGeometryTypeId() == GeometryTypeId::GEOS_GEOMETRYCOLLECTION) {
    for (std::size_t i = 0; i < g.getNumGeometries(); ++i) CollectPolygons(*g.getGeometryN(i), out);
  }
}

// Keeps only the areal parts: MakeValid may return a GeometryCollection with lines and points
// where the input had collapsed spikes.
std::unique_ptr<Geometry> ArealPart(std::unique_ptr<Geometry> g) {
  if (g->getGeometryTypeId() == GeometryTypeId::GEOS_POLYGON ||
      g->getGeometryTypeId() == GeometryTypeId::GEOS_MULTIPOLYGON) {
    return g;
  }
  std::vector<std::unique_ptr<Geometry>> parts;
  CollectPolygons(*g, parts);
  if (parts.empty()) return nullptr;
  if (parts.size() == 1) return std::move(parts.front());
  return g->getFactory()->createMultiPolygon(std::move(parts));
}

Error RepairError(const std::string& why) {
  return InvalidArgument({"geometri tidak valid dan tidak dapat diperbaiki (" + why + ")",
                          "invalid geometry that could not be repaired (" + why + ")"});
}

}  // namespace

geos::geom::GeometryFactory::Ptr NewFactory() { return geos::geom::GeometryFactory::create(); }

BBox BBoxOf(const Geometry& geometry) {
  const geos::geom::Envelope* e = geometry.getEnvelopeInternal();
  if (e == nullptr || e->isNull()) return {};
  return {e->getMinX(), e->getMinY(), e->getMaxX(), e->getMaxY()};
}

bool IsPolygonal(const Geometry& geometry) {
  const auto t = geometry.getGeometryTypeId();
  return t == GeometryTypeId::GEOS_POLYGON || t == GeometryTypeId::GEOS_MULTIPOLYGON;
}

Result<std::unique_ptr<Geometry>> ValidateOrRepair(std::unique_ptr<Geometry> geometry,
                                                   std::string& note) {
  note.clear();
  std::unique_ptr<Geometry> repaired;
  try {
    geos::operation::valid::IsValidOp op(geometry.get());
    const auto* err = op.getValidationError();
    if (err == nullptr) return geometry;
    note = err->toString();
    // MakeValid keeps every vertex and reads rings even-odd; buffer(0) is the classic fallback
    // but can drop the smaller lobe of a bow-tie, so it is only used if MakeValid fails.
    try {
      repaired = ArealPart(geos::operation::valid::MakeValid().build(geometry.get()));
    } catch (const std::exception&) {
      repaired = nullptr;
    }
    if (repaired == nullptr || !repaired->isValid()) {
      repaired = ArealPart(geometry->buffer(0));
      note += " (repaired with buffer(0))";
    }
  } catch (const std::exception& e) {
    return RepairError(e.what());
  }
  if (repaired == nullptr || repaired->isEmpty()) return RepairError(note + "; no area left");
  return repaired;
}

}  // namespace kc::geo
