// AreaIndex construction.
//
// Why this design: on this machine an STRtree + GEOS prepared geometry does ~2.5M lookups/s on
// 2 threads, a grid whose inside cells answer at once ~4.7M/s, and the same grid with per-cell
// edge lists ~19M/s (PERFORMANCE-NOTES.md). GEOS is also unusable from several threads at once
// (lazy prepared structures, non-atomic factory reference count), so lookups use plain arrays.
//
// Exactness: a point p in cell C is inside area A iff the ray from p to +x crosses A's boundary
// an odd number of times (half-open rule: an edge "spans" p if exactly one endpoint has y <= py).
// Split A's edges that overlap C's row into three groups, with C widened by kCellPad:
//   left  (wholly left of C): can never cross the ray;      -> dropped
//   right (wholly right of C): cross iff they span py;      -> parity of #endpoints with y <= py:
//         endpoints below the row are folded into one bit, endpoints inside the row are stored
//         (pairs with equal y cancel, so only vertices where the chain leaves the cell remain);
//   near  (bounding box meets C): tested exactly at lookup.
// This equals the full crossing-number test on all of A's edges, so no clipping or rounding is
// introduced. Rejected: a reference point at the cell centre with a segment-crossing test
// (degenerate through-vertex cases need symbolic perturbation) and clipping edges to cells
// (introduces new, rounded vertices).
#include <geos/geom/CoordinateSequence.h>
#include <geos/geom/LinearRing.h>
#include <geos/geom/Polygon.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "geo/area_index.h"
#include "geo/area_index_layout.h"
#include "geo/geos_util.h"

namespace kc::geo {

using internal::kBoundaryBit;
using internal::kCellPad;
using internal::kNoArea;

namespace {

// About 8 grid cells per boundary edge balances cell memory against edges per boundary cell:
// for the nationwide kecamatan layer (285k vertices over 46 x 17 degrees) it gives ~2 km cells.
constexpr double kCellsPerEdge = 8.0;
// Nearest() bins are this many grid cells wide.
constexpr double kBinCells = 8.0;

Error BuildError(const std::string& id, const std::string& en) {
  return InvalidArgument(
      {"Indeks wilayah tidak dapat dibuat: " + id, "Cannot build the area index: " + en});
}

}  // namespace

class AreaIndexBuilder {
 public:
  AreaIndexBuilder(AreaIndex& index, const AreaIndexOptions& options)
      : ix_(index), options_(options) {}

  Status Run(std::span<const AreaInput> areas) {
    KC_ASSIGN_OR_RETURN(std::vector<const AreaInput*> sorted, SortAndCheck(areas));
    for (const AreaInput* in : sorted) {
      ix_.codes_.emplace_back(in->code);
      ix_.area_rings_.push_back(static_cast<std::uint32_t>(ix_.ring_starts_.size()));
      KC_RETURN_IF_ERROR(ExtractRings(*in->geometry, in->code));
      ix_.area_bbox_.push_back(BBoxOf(*in->geometry));
    }
    ix_.area_rings_.push_back(static_cast<std::uint32_t>(ix_.ring_starts_.size()));
    ix_.ring_starts_.push_back(static_cast<std::uint32_t>(ix_.vertices_.size()));
    KC_RETURN_IF_ERROR(ChooseGrid());
    full_.assign(static_cast<std::size_t>(ix_.nx_) * ix_.ny_, kNoArea);
    for (std::uint32_t a = 0; a < ix_.codes_.size(); ++a) KC_RETURN_IF_ERROR(ProcessArea(a));
    KC_RETURN_IF_ERROR(Assemble());
    BuildBins();
    return Ok();
  }

 private:
  struct Entry {
    std::uint32_t cell;
    std::uint32_t area;
    std::uint32_t header;
    std::uint32_t data;   // offset of the encoded breaks + runs in data_
    std::uint32_t words;  // their length
  };
  using Vertex = AreaIndex::Vertex;

  Result<std::vector<const AreaInput*>> SortAndCheck(std::span<const AreaInput> areas) {
    if (areas.empty()) return BuildError("tidak ada wilayah", "no areas");
    if (areas.size() >= kBoundaryBit) return BuildError("terlalu banyak wilayah", "too many areas");
    std::vector<const AreaInput*> sorted;
    for (const AreaInput& a : areas) {
      const std::string code(a.code);
      if (code.empty()) return BuildError("kode wilayah kosong", "empty area code");
      if (a.geometry == nullptr || a.geometry->isEmpty() || !IsPolygonal(*a.geometry)) {
        return BuildError("geometri " + code + " kosong atau bukan (Multi)Polygon",
                          "geometry of " + code + " is empty or not a (Multi)Polygon");
      }
      sorted.push_back(&a);
    }
    std::sort(sorted.begin(), sorted.end(),
              [](const AreaInput* x, const AreaInput* y) { return x->code < y->code; });
    for (std::size_t i = 1; i < sorted.size(); ++i) {
      if (sorted[i]->code == sorted[i - 1]->code) {
        const std::string code(sorted[i]->code);
        return BuildError("kode " + code + " ganda", "duplicate code " + code);
      }
    }
    return sorted;
  }

  Status ExtractRing(const geos::geom::LinearRing& ring, std::string_view code) {
    const geos::geom::CoordinateSequence* cs = ring.getCoordinatesRO();
    if (cs->size() < 4) return Ok();  // an empty or degenerate ring bounds nothing
    ix_.ring_starts_.push_back(static_cast<std::uint32_t>(ix_.vertices_.size()));
    for (std::size_t i = 0; i < cs->size(); ++i) {
      const double x = cs->getX(i);
      const double y = cs->getY(i);
      if (!std::isfinite(x) || !std::isfinite(y)) {
        return BuildError("koordinat tidak berhingga di " + std::string(code),
                          "non-finite coordinate in " + std::string(code));
      }
      ix_.vertices_.push_back({x, y});
    }
    return Ok();
  }

  Status ExtractRings(const geos::geom::Geometry& g, std::string_view code) {
    for (std::size_t p = 0; p < g.getNumGeometries(); ++p) {
      const auto* poly = dynamic_cast<const geos::geom::Polygon*>(g.getGeometryN(p));
      if (poly == nullptr || poly->isEmpty()) continue;
      KC_RETURN_IF_ERROR(ExtractRing(*poly->getExteriorRing(), code));
      for (std::size_t h = 0; h < poly->getNumInteriorRing(); ++h) {
        KC_RETURN_IF_ERROR(ExtractRing(*poly->getInteriorRingN(h), code));
      }
    }
    if (ix_.vertices_.size() >= kBoundaryBit) {
      return BuildError("terlalu banyak titik sudut", "too many vertices");
    }
    return Ok();
  }

  Status ChooseGrid() {
    BBox ext = ix_.area_bbox_.front();
    for (const BBox& b : ix_.area_bbox_) {
      ext = {std::min(ext.min_lon, b.min_lon), std::min(ext.min_lat, b.min_lat),
             std::max(ext.max_lon, b.max_lon), std::max(ext.max_lat, b.max_lat)};
    }
    const double w = std::max(ext.max_lon - ext.min_lon, 1e-6);
    const double h = std::max(ext.max_lat - ext.min_lat, 1e-6);
    const double edges = static_cast<double>(ix_.vertices_.size() - ix_.ring_starts_.size() + 1);
    double cell = options_.cell_size_deg > 0 ? options_.cell_size_deg
                                             : std::sqrt(w * h / (kCellsPerEdge * edges));
    const double max_cells = static_cast<double>(std::max<std::size_t>(options_.max_cells, 1));
    while ((w / cell + 2) * (h / cell + 2) > max_cells) cell *= 1.25;
    ix_.nx_ = static_cast<std::uint32_t>(w / cell) + 2;
    ix_.ny_ = static_cast<std::uint32_t>(h / cell) + 2;
    ix_.min_x_ = ext.min_lon - cell / 2;
    ix_.min_y_ = ext.min_lat - cell / 2;
    ix_.max_x_ = ix_.min_x_ + ix_.nx_ * cell;
    ix_.max_y_ = ix_.min_y_ + ix_.ny_ * cell;
    ix_.inv_cell_ = 1.0 / cell;
    cell_ = cell;
    ix_.stats_.cell_size_deg = cell;
    return Ok();
  }

  std::uint32_t Col(double x) const { return Clamp((x - ix_.min_x_) * ix_.inv_cell_, ix_.nx_); }
  std::uint32_t Row(double y) const { return Clamp((y - ix_.min_y_) * ix_.inv_cell_, ix_.ny_); }
  static std::uint32_t Clamp(double v, std::uint32_t n) {
    return static_cast<std::uint32_t>(std::clamp(std::floor(v), 0.0, static_cast<double>(n - 1)));
  }

  Status ProcessArea(std::uint32_t a) {
    // (row, edge) pairs for every row whose (padded) strip an edge may overlap.
    rows_.clear();
    for (std::uint32_t r = ix_.area_rings_[a]; r < ix_.area_rings_[a + 1]; ++r) {
      for (std::uint32_t i = ix_.ring_starts_[r]; i + 1 < ix_.ring_starts_[r + 1]; ++i) {
        const Vertex& p = ix_.vertices_[i];
        const Vertex& q = ix_.vertices_[i + 1];
        const std::uint32_t r0 = Row(std::min(p.y, q.y) - 2 * kCellPad);
        const std::uint32_t r1 = Row(std::max(p.y, q.y) + 2 * kCellPad);
        for (std::uint32_t row = r0; row <= r1; ++row) rows_.emplace_back(row, i);
      }
    }
    std::sort(rows_.begin(), rows_.end());
    const BBox& bb = ix_.area_bbox_[a];
    const std::uint32_t c0 = Col(bb.min_lon - 2 * kCellPad);
    const std::uint32_t c1 = Col(bb.max_lon + 2 * kCellPad);
    for (std::size_t s = 0; s < rows_.size();) {
      std::size_t e = s;
      while (e < rows_.size() && rows_[e].first == rows_[s].first) ++e;
      for (std::uint32_t c = c0; c <= c1; ++c)
        KC_RETURN_IF_ERROR(ProcessCell(a, rows_[s].first, c, s, e));
      s = e;
    }
    return Ok();
  }

  // Classifies the row's edges rows_[s, e) for cell (row, col) of area a; see the file comment.
  Status ProcessCell(std::uint32_t a, std::uint32_t row, std::uint32_t col, std::size_t s,
                     std::size_t e) {
    const double x0 = ix_.min_x_ + col * cell_ - kCellPad;
    const double x1 = ix_.min_x_ + (col + 1) * cell_ + kCellPad;
    const double y0 = ix_.min_y_ + row * cell_ - kCellPad;
    const double y1 = ix_.min_y_ + (row + 1) * cell_ + kCellPad;
    bool parity = false;
    breaks_.clear();
    near_.clear();
    for (std::size_t k = s; k < e; ++k) {
      const std::uint32_t i = rows_[k].second;
      const Vertex& p = ix_.vertices_[i];
      const Vertex& q = ix_.vertices_[i + 1];
      if (std::max(p.y, q.y) < y0 || std::min(p.y, q.y) > y1) continue;  // both ends below/above
      if (std::max(p.x, q.x) < x0) continue;                             // left
      if (std::min(p.x, q.x) <= x1) {                                    // near
        near_.push_back(i);
        continue;
      }
      for (std::uint32_t v : {i, i + 1}) {  // right
        const double y = ix_.vertices_[v].y;
        if (y < y0) {
          parity = !parity;
        } else if (y <= y1) {
          breaks_.push_back(v);
        }
      }
    }
    CancelBreakPairs();
    const std::size_t cell = static_cast<std::size_t>(row) * ix_.nx_ + col;
    if (near_.empty() && breaks_.empty()) {
      if (parity && full_[cell] == kNoArea) full_[cell] = a;  // ids ascend: first is lowest
      return Ok();
    }
    if (full_[cell] != kNoArea) return Ok();  // a lower code already holds the whole cell
    ix_.stats_.edge_refs += near_.size();
    if (breaks_.size() > internal::kMaxBreaks || near_.size() > internal::kMaxRuns) {
      return BuildError("terlalu banyak sisi " + ix_.codes_[a] + " dalam satu sel",
                        "too many edges of " + ix_.codes_[a] + " in one cell");
    }
    const auto data = static_cast<std::uint32_t>(data_.size());
    for (std::uint32_t v : breaks_) PushDouble(ix_.vertices_[v].y);
    const std::uint32_t runs = EncodeRuns();
    const auto header =
        static_cast<std::uint32_t>((parity ? 1u : 0u) << 31 | breaks_.size() << 16 | runs);
    entries_.push_back({static_cast<std::uint32_t>(cell), a, header, data,
                        static_cast<std::uint32_t>(data_.size()) - data});
    return Ok();
  }

  void PushDouble(double d) {
    data_.resize(data_.size() + 2);
    internal::StoreDouble(d, data_.data() + data_.size() - 2);
  }

  // near_ holds ascending edge indices; consecutive ones (i, i+1) share vertex i+1 and become one
  // run of vertices. Returns the number of runs appended to data_.
  std::uint32_t EncodeRuns() {
    std::uint32_t runs = 0;
    for (std::size_t s = 0; s < near_.size();) {
      std::size_t e = s + 1;
      while (e < near_.size() && near_[e] == near_[e - 1] + 1) ++e;
      const std::uint32_t first = near_[s];
      const auto count = static_cast<std::uint32_t>(e - s + 1);  // vertices
      data_.push_back(count);
      for (std::uint32_t v = first; v < first + count; ++v) {
        PushDouble(ix_.vertices_[v].x);
        PushDouble(ix_.vertices_[v].y);
      }
      ++runs;
      s = e;
    }
    return runs;
  }

  // Two break points with the same y toggle together: drop both.
  void CancelBreakPairs() {
    auto y = [this](std::uint32_t v) { return ix_.vertices_[v].y; };
    std::sort(breaks_.begin(), breaks_.end(),
              [&](std::uint32_t l, std::uint32_t r) { return y(l) < y(r); });
    std::size_t out = 0;
    for (std::size_t k = 0; k < breaks_.size(); ++k) {
      if (k + 1 < breaks_.size() && y(breaks_[k]) == y(breaks_[k + 1])) {
        ++k;
        continue;
      }
      breaks_[out++] = breaks_[k];
    }
    breaks_.resize(out);
  }

  Status Assemble() {
    std::stable_sort(entries_.begin(), entries_.end(),
                     [](const Entry& l, const Entry& r) { return l.cell < r.cell; });
    ix_.cells_ = full_;
    AreaIndexStats& st = ix_.stats_;
    for (std::size_t s = 0; s < entries_.size();) {
      std::size_t e = s;
      while (e < entries_.size() && entries_[e].cell == entries_[s].cell) ++e;
      if (ix_.blob_.size() >= kBoundaryBit)
        return BuildError("indeks terlalu besar", "index too large");
      const std::uint32_t cell = entries_[s].cell;
      ix_.cells_[cell] = kBoundaryBit | static_cast<std::uint32_t>(ix_.blob_.size());
      ix_.blob_.push_back(full_[cell]);
      ix_.blob_.push_back(static_cast<std::uint32_t>(e - s));
      for (std::size_t k = s; k < e; ++k) {
        const Entry& en = entries_[k];
        ix_.blob_.push_back(en.area);
        ix_.blob_.push_back(en.header);
        ix_.blob_.insert(ix_.blob_.end(), data_.begin() + en.data,
                         data_.begin() + en.data + en.words);
      }
      ++st.boundary_cells;
      st.boundary_entries += e - s;
      s = e;
    }
    ix_.blob_.shrink_to_fit();
    st.areas = ix_.codes_.size();
    st.vertices = ix_.vertices_.size();
    st.grid_cells = ix_.cells_.size();
    st.inside_cells = static_cast<std::size_t>(
        std::count_if(ix_.cells_.begin(), ix_.cells_.end(),
                      [](std::uint32_t w) { return w != kNoArea && (w & kBoundaryBit) == 0; }));
    return Ok();
  }

  void BuildBins() {
    ix_.bin_size_ = cell_ * kBinCells;
    ix_.bins_x_ = static_cast<std::uint32_t>((ix_.max_x_ - ix_.min_x_) / ix_.bin_size_) + 1;
    ix_.bins_y_ = static_cast<std::uint32_t>((ix_.max_y_ - ix_.min_y_) / ix_.bin_size_) + 1;
    auto bin = [this](double v, double origin, std::uint32_t n) {
      return Clamp((v - origin) / ix_.bin_size_, n);
    };
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;  // (bin, area)
    for (std::uint32_t a = 0; a < ix_.area_bbox_.size(); ++a) {
      const BBox& b = ix_.area_bbox_[a];
      for (std::uint32_t y = bin(b.min_lat, ix_.min_y_, ix_.bins_y_);
           y <= bin(b.max_lat, ix_.min_y_, ix_.bins_y_); ++y) {
        for (std::uint32_t x = bin(b.min_lon, ix_.min_x_, ix_.bins_x_);
             x <= bin(b.max_lon, ix_.min_x_, ix_.bins_x_); ++x) {
          pairs.emplace_back(y * ix_.bins_x_ + x, a);
        }
      }
    }
    std::sort(pairs.begin(), pairs.end());
    ix_.bin_offsets_.assign(static_cast<std::size_t>(ix_.bins_x_) * ix_.bins_y_ + 1, 0);
    for (const auto& [b, a] : pairs) ++ix_.bin_offsets_[b + 1];
    for (std::size_t b = 1; b < ix_.bin_offsets_.size(); ++b) {
      ix_.bin_offsets_[b] += ix_.bin_offsets_[b - 1];
    }
    ix_.bin_areas_.reserve(pairs.size());
    for (const auto& [b, a] : pairs) ix_.bin_areas_.push_back(a);
  }

  AreaIndex& ix_;
  const AreaIndexOptions& options_;
  double cell_ = 1;
  std::vector<std::uint32_t> full_;  // per cell: lowest area wholly containing it
  std::vector<Entry> entries_;
  std::vector<std::uint32_t> data_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> rows_;  // scratch: (row, edge)
  std::vector<std::uint32_t> breaks_;                          // scratch
  std::vector<std::uint32_t> near_;                            // scratch
};

Result<AreaIndex> AreaIndex::Build(std::span<const AreaInput> areas,
                                   const AreaIndexOptions& options) {
  AreaIndex index;
  AreaIndexBuilder builder(index, options);
  KC_RETURN_IF_ERROR(builder.Run(areas));
  return index;
}

Result<AreaIndex> AreaIndex::Build(const std::vector<BoundaryFeature>& features,
                                   const AreaIndexOptions& options) {
  std::vector<AreaInput> inputs;
  inputs.reserve(features.size());
  for (const BoundaryFeature& f : features) inputs.push_back({f.code, f.geometry.get()});
  return Build(inputs, options);
}

}  // namespace kc::geo
