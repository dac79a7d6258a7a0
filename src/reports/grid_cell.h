// The grid cell of a point (migration 0014's generated column reports.grid_cell): 0.01-degree
// cells numbered row * 100000 + column from (-90, -180). The same arithmetic as the SQL (double
// sums and products, truncation of non-negative values), so both sides agree on every point.
#pragma once

#include <cstdint>
#include <vector>

namespace kc::reports {

inline int64_t GridRow(double lat) { return static_cast<int64_t>((lat + 90.0) * 100); }
inline int64_t GridColumn(double lon) { return static_cast<int64_t>((lon + 180.0) * 100); }
inline int64_t GridCell(double lat, double lon) { return GridRow(lat) * 100000 + GridColumn(lon); }

// Bounding boxes covering more cells than this are filtered on lat/lon alone.
inline constexpr int64_t kMaxGridCells = 1024;

// Every cell a box touches (truncation is monotonic, so a point inside the box lies in one of
// them), or none when there would be more than kMaxGridCells.
inline std::vector<int64_t> GridCells(double min_lat, double min_lon, double max_lat,
                                      double max_lon) {
  std::vector<int64_t> out;
  const int64_t r0 = GridRow(min_lat), r1 = GridRow(max_lat);
  const int64_t c0 = GridColumn(min_lon), c1 = GridColumn(max_lon);
  if (r1 < r0 || c1 < c0 || (r1 - r0 + 1) * (c1 - c0 + 1) > kMaxGridCells) return out;
  for (int64_t r = r0; r <= r1; ++r) {
    for (int64_t c = c0; c <= c1; ++c) out.push_back(r * 100000 + c);
  }
  return out;
}

}  // namespace kc::reports
