// AreaIndex lookups. Hot path: Locate -> one cell read -> (boundary cells) a few edge tests.
#include "geo/area_index.h"

#include <geos/algorithm/CGAlgorithmsDD.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include "geo/area_index_layout.h"

namespace kc::geo {
namespace {

using internal::kBoundaryBit;
using internal::kNoArea;

// Shewchuk's error bound for the fast orient2d: (3 + 16 eps) * eps.
constexpr double kOrientErrBound = 3.3306690738754716e-16;

// Sign of the orientation of p relative to the directed line a->b: +1 left, -1 right, 0 on it.
// Exact: the floating-point determinant is used only when its error bound proves the sign;
// otherwise GEOS's double-double predicate decides (a pure function: no geometry, no factory,
// safe on any thread; reached only for points within ~1e-15 relative of the line).
template <class V>
inline int Orientation(const V& a, const V& b, double px, double py) {
  const double detleft = (a.x - px) * (b.y - py);
  const double detright = (a.y - py) * (b.x - px);
  const double det = detleft - detright;
  const double bound = kOrientErrBound * (std::abs(detleft) + std::abs(detright));
  if (det > bound) return 1;
  if (-det > bound) return -1;
  return geos::algorithm::CGAlgorithmsDD::orientationIndex(a.x, a.y, b.x, b.y, px, py);
}

double SegmentDistance2(double px, double py, double ax, double ay, double bx, double by) {
  const double dx = bx - ax;
  const double dy = by - ay;
  const double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0.0;
  t = std::clamp(t, 0.0, 1.0);
  const double ex = ax + t * dx - px;
  const double ey = ay + t * dy - py;
  return ex * ex + ey * ey;
}

}  // namespace

// Tests one boundary entry starting at blob_[entry]; sets `next` to the following entry.
bool AreaIndex::InArea(std::uint32_t entry, double px, double py, std::uint32_t& next) const {
  const std::uint32_t header = blob_[entry + 1];
  const std::uint32_t nb = (header >> 16) & internal::kMaxBreaks;
  const std::uint32_t runs = header & internal::kMaxRuns;
  const std::uint32_t* w = blob_.data() + entry + 2;
  bool inside = (header >> 31) != 0;
  for (std::uint32_t j = 0; j < nb; ++j, w += 2) inside ^= internal::LoadDouble(w) <= py;
  bool on_edge = false;
  for (std::uint32_t r = 0; r < runs && !on_edge; ++r) {
    const std::uint32_t n = *w++;  // vertices in this run: n - 1 consecutive edges
    Vertex b = internal::LoadVertex<Vertex>(w);
    for (std::uint32_t k = 1; k < n; ++k) {
      const Vertex a = b;
      b = internal::LoadVertex<Vertex>(w + 4 * k);
      const bool spans = (a.y > py) != (b.y > py);
      if (px < std::min(a.x, b.x)) {  // edge wholly right of the point
        inside ^= spans;
        continue;
      }
      if (px > std::max(a.x, b.x) || py < std::min(a.y, b.y) || py > std::max(a.y, b.y)) continue;
      const int o = Orientation(a, b, px, py);
      if (o == 0) {  // on the edge (p is within its bounding box): counts as inside
        on_edge = true;
        break;
      }
      // The crossing lies right of p iff p is left of an upward edge or right of a downward one.
      if (spans && ((o > 0) == (b.y > a.y))) inside = !inside;
    }
    w += 4 * n;
  }
  if (on_edge) return true;
  next = static_cast<std::uint32_t>(w - blob_.data());
  return inside;
}

std::optional<std::string_view> AreaIndex::Locate(double lon, double lat) const {
  if (!(lon >= min_x_ && lon <= max_x_ && lat >= min_y_ && lat <= max_y_)) return std::nullopt;
  const auto cx = std::min(static_cast<std::uint32_t>((lon - min_x_) * inv_cell_), nx_ - 1);
  const auto cy = std::min(static_cast<std::uint32_t>((lat - min_y_) * inv_cell_), ny_ - 1);
  const std::uint32_t word = cells_[static_cast<std::size_t>(cy) * nx_ + cx];
  if (word == kNoArea) return std::nullopt;
  if ((word & kBoundaryBit) == 0) return codes_[word];
  const std::uint32_t offset = word & ~kBoundaryBit;
  const std::uint32_t fallback = blob_[offset];
  const std::uint32_t count = blob_[offset + 1];
  std::uint32_t entry = offset + 2;
  for (std::uint32_t i = 0; i < count; ++i) {
    std::uint32_t next = 0;
    if (InArea(entry, lon, lat, next)) return codes_[blob_[entry]];
    entry = next;
  }
  if (fallback == kNoArea) return std::nullopt;
  return codes_[fallback];
}

double AreaIndex::DistanceToArea(std::uint32_t area, double px, double py, double kx,
                                 double ky) const {
  double best = std::numeric_limits<double>::infinity();
  for (std::uint32_t r = area_rings_[area]; r < area_rings_[area + 1]; ++r) {
    for (std::uint32_t i = ring_starts_[r]; i + 1 < ring_starts_[r + 1]; ++i) {
      const Vertex& a = vertices_[i];
      const Vertex& b = vertices_[i + 1];
      best = std::min(best, SegmentDistance2(0, 0, (a.x - px) * kx, (a.y - py) * ky,
                                             (b.x - px) * kx, (b.y - py) * ky));
    }
  }
  return std::sqrt(best);
}

std::optional<NearestArea> AreaIndex::Nearest(double lon, double lat, double max_distance_m) const {
  if (!(max_distance_m >= 0) || !std::isfinite(lon) || !std::isfinite(lat)) return std::nullopt;
  if (auto code = Locate(lon, lat)) return NearestArea{*code, 0.0};
  const double ky = internal::kMetresPerDegree;
  const double kx = ky * std::max(std::cos(lat * std::numbers::pi / 180.0), 1e-6);
  const double dx = max_distance_m / kx;
  const double dy = max_distance_m / ky;
  if (lon + dx < min_x_ || lon - dx > max_x_ || lat + dy < min_y_ || lat - dy > max_y_) {
    return std::nullopt;
  }
  auto bin = [this](double v, double origin, std::uint32_t n) {
    const double b = std::floor((v - origin) / bin_size_);
    return static_cast<std::uint32_t>(std::clamp(b, 0.0, static_cast<double>(n - 1)));
  };
  const std::uint32_t bx0 = bin(lon - dx, min_x_, bins_x_), bx1 = bin(lon + dx, min_x_, bins_x_);
  const std::uint32_t by0 = bin(lat - dy, min_y_, bins_y_), by1 = bin(lat + dy, min_y_, bins_y_);
  std::vector<std::uint32_t> candidates;
  for (std::uint32_t by = by0; by <= by1; ++by) {
    for (std::uint32_t bx = bx0; bx <= bx1; ++bx) {
      const std::size_t b = static_cast<std::size_t>(by) * bins_x_ + bx;
      candidates.insert(candidates.end(), bin_areas_.begin() + bin_offsets_[b],
                        bin_areas_.begin() + bin_offsets_[b + 1]);
    }
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  std::uint32_t best = kNoArea;
  double best_m = max_distance_m;
  for (std::uint32_t a : candidates) {  // ascending id: strict < keeps the lowest code on ties
    const BBox& bb = area_bbox_[a];
    const double gx = std::max({0.0, bb.min_lon - lon, lon - bb.max_lon}) * kx;
    const double gy = std::max({0.0, bb.min_lat - lat, lat - bb.max_lat}) * ky;
    if (std::hypot(gx, gy) > best_m) continue;
    const double d = DistanceToArea(a, lon, lat, kx, ky);
    if (d < best_m || (best == kNoArea && d <= best_m)) {
      best = a;
      best_m = d;
    }
  }
  if (best == kNoArea) return std::nullopt;
  return NearestArea{codes_[best], best_m};
}

std::size_t AreaIndex::MemoryBytes() const {
  std::size_t bytes = sizeof(*this);
  for (const auto& c : codes_) bytes += sizeof(c) + (c.size() > 15 ? c.capacity() : 0);
  bytes += vertices_.capacity() * sizeof(Vertex);
  bytes += (cells_.capacity() + blob_.capacity() + ring_starts_.capacity() +
            area_rings_.capacity() + bin_offsets_.capacity() + bin_areas_.capacity()) *
           sizeof(std::uint32_t);
  bytes += area_bbox_.capacity() * sizeof(BBox);
  return bytes;
}

}  // namespace kc::geo
