// AreaIndex: which administrative area (of one level, e.g. kecamatan) contains a lon/lat point.
//
// Built once from (code, polygon) pairs and immutable afterwards. Lookups never call GEOS and
// never allocate, so one index may be shared by any number of threads without locking.
//
// Structure (see area_index_build.cpp for the why): a uniform grid over the data's extent
// (~2 km cells for the nationwide kecamatan layer, finer for small cities). A cell lying wholly
// inside an area answers at once. A boundary cell lists, per candidate area, the few edges near
// the cell plus a precomputed parity for the rest of the horizontal ray, and the point is tested
// with an exact crossing-number test (robust orientation predicate).
//
// Semantics:
// - A point on an area's boundary (edge or vertex) is inside that area.
// - Tie-break: the boundary data overlaps (2.9 % of points inside kecamatan lie in two of them),
//   so when several areas contain a point the one with the LOWEST code (byte-wise string order,
//   e.g. "71.71.01" < "71.71.02") wins. This is fixed and does not depend on input order.
// - Geometries are read with the even-odd rule over all their rings, which equals the OGC
//   interior for valid (Multi)Polygons, as produced by ParseBoundaries.
#pragma once

#include <geos/geom/Geometry.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "geo/boundary.h"

namespace kc::geo {

// One area to index. The geometry is only read during Build (not retained).
struct AreaInput {
  std::string_view code;
  const geos::geom::Geometry* geometry = nullptr;  // valid Polygon or MultiPolygon
};

struct AreaIndexOptions {
  // Grid cell size in degrees; 0 picks one automatically (about 8 cells per boundary edge, which
  // gives ~2 km for the nationwide kecamatan layer and ~100-200 m for a city's kelurahan).
  double cell_size_deg = 0.0;
  // Upper bound on grid cells (4 bytes each): the cell size is increased to respect it.
  std::size_t max_cells = std::size_t{1} << 23;
};

struct NearestArea {
  std::string_view code;  // points into the index; valid while the index lives
  double distance_m = 0;  // 0 when the point is inside the area
};

struct AreaIndexStats {
  std::size_t areas = 0;
  std::size_t vertices = 0;
  std::size_t grid_cells = 0;
  std::size_t inside_cells = 0;      // cells answered at once (wholly inside an area)
  std::size_t boundary_cells = 0;    // cells that need an edge test
  std::size_t boundary_entries = 0;  // (cell, area) pairs over all boundary cells
  std::size_t edge_refs = 0;         // edge references over all boundary entries
  double cell_size_deg = 0;
};

class AreaIndex {
 public:
  // Builds the index. Errors (kInvalidArgument): no areas; an empty or duplicate code; a null,
  // empty or non-polygonal geometry, or one with a non-finite coordinate; more than 65,535 edges
  // of one area in one cell (use a smaller cell_size_deg). Thread-safety: the geometries are
  // only read, so they must not be modified concurrently; no GEOS objects are created.
  static Result<AreaIndex> Build(std::span<const AreaInput> areas,
                                 const AreaIndexOptions& options = {});
  // Convenience: indexes parsed boundary features by their code.
  static Result<AreaIndex> Build(const std::vector<BoundaryFeature>& features,
                                 const AreaIndexOptions& options = {});

  // The code of the area containing (lon, lat), by the rules above, or nullopt if none does
  // (also for NaN or out-of-range input). The view stays valid while the index lives.
  // Thread-safe; no allocation; typically 0.1-0.3 microseconds.
  std::optional<std::string_view> Locate(double lon, double lat) const;

  // The area containing the point (distance 0) or else the area whose boundary is closest, if
  // within `max_distance_m` metres (e.g. a report from a boat or a pier in Manado bay). Distance
  // is measured in a local equirectangular projection at the point's latitude (error < 0.1 %
  // below 50 km). Ties go to the lowest code. nullopt if nothing is that close or the input is
  // NaN/negative. Thread-safe; allocates a little; cost grows with max_distance_m.
  std::optional<NearestArea> Nearest(double lon, double lat, double max_distance_m) const;

  std::size_t size() const { return codes_.size(); }
  // Approximate heap memory held by the index, in bytes.
  std::size_t MemoryBytes() const;
  const AreaIndexStats& Stats() const { return stats_; }

 private:
  friend class AreaIndexBuilder;
  struct Vertex {
    double x;
    double y;
  };
  AreaIndex() = default;
  bool InArea(std::uint32_t entry, double px, double py, std::uint32_t& next) const;
  double DistanceToArea(std::uint32_t area, double px, double py, double kx, double ky) const;

  std::vector<std::string> codes_;  // sorted ascending; an area's id is its position here
  std::vector<Vertex> vertices_;    // all rings, each closed (first vertex repeated at its end)
  // Grid: cells_[row * nx_ + col] is kNoArea, an area id (whole cell inside), or
  // kBoundaryBit | offset into blob_ (see area_index.cpp for the layout).
  double min_x_ = 0, min_y_ = 0, max_x_ = 0, max_y_ = 0, inv_cell_ = 1;
  std::uint32_t nx_ = 0, ny_ = 0;
  std::vector<std::uint32_t> cells_;
  std::vector<std::uint32_t> blob_;
  // For Nearest: each area's rings as [ring_starts_[r], ring_starts_[r+1]) vertex ranges,
  // area a owning rings [area_rings_[a], area_rings_[a+1]); a coarse bin grid of area ids.
  std::vector<std::uint32_t> ring_starts_;
  std::vector<std::uint32_t> area_rings_;
  std::vector<BBox> area_bbox_;
  double bin_size_ = 1;
  std::uint32_t bins_x_ = 0, bins_y_ = 0;
  std::vector<std::uint32_t> bin_offsets_;  // CSR: bins_x_ * bins_y_ + 1 offsets
  std::vector<std::uint32_t> bin_areas_;
  AreaIndexStats stats_;
};

}  // namespace kc::geo
