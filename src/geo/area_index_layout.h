// Internal to area_index*.cpp: the encoding shared by the builder and the lookup.
//
// cells_[row * nx + col]:
//   kNoArea                  no area touches the cell
//   id (< kBoundaryBit)      the cell lies wholly inside area `id` (the lowest such id)
//   kBoundaryBit | offset    a boundary cell; blob_[offset...] holds:
//       fallback             lowest id of an area wholly containing the cell, or kNoArea
//       k                    number of entries, in increasing area id, all with id < fallback
//       k entries:           area, header, breaks[nb], runs[nr]
//         header = parity << 31 | nb << 16 | nr
//         parity             crossings of the ray to +x by edges right of the cell (known
//                            without the point's y) ...
//         breaks             ... plus one per stored y (a double, 2 words) <= point y
//         runs               chains of consecutive edges near the cell, tested exactly:
//                            n (vertex count), then n vertices as (x, y) doubles (4 words each).
//                            Copies, not indices, so a lookup touches one contiguous block.
#pragma once

#include <cstdint>
#include <cstring>

namespace kc::geo::internal {

inline constexpr std::uint32_t kNoArea = 0xFFFFFFFFu;
inline constexpr std::uint32_t kBoundaryBit = 0x80000000u;
inline constexpr std::uint32_t kMaxBreaks = 0x7FFFu;
inline constexpr std::uint32_t kMaxRuns = 0xFFFFu;
// Cells are widened by this margin (degrees, ~0.1 mm) when deciding which edges are "near", so
// that a point whose computed cell is off by one ulp at a cell border is still answered exactly.
inline constexpr double kCellPad = 1e-9;
// Metres per degree of latitude (mean; WGS84 meridian degree varies 110.57-111.69 km).
inline constexpr double kMetresPerDegree = 111'320.0;

// Doubles are stored in the uint32 blob (4-byte aligned): read them with memcpy.
inline double LoadDouble(const std::uint32_t* w) {
  double d;
  std::memcpy(&d, w, sizeof d);
  return d;
}
template <class V>
inline V LoadVertex(const std::uint32_t* w) {
  return {LoadDouble(w), LoadDouble(w + 2)};
}
inline void StoreDouble(double d, std::uint32_t* w) { std::memcpy(w, &d, sizeof d); }

}  // namespace kc::geo::internal
