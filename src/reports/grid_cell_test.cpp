#include "reports/grid_cell.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <random>

namespace kc::reports {
namespace {

// The value migration 0014's generated column gives the point, computed by SQLite itself.
int64_t SqlCell(sqlite3* db, double lat, double lon) {
  sqlite3_stmt* st = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db,
                               "SELECT CAST((?1 + 90.0) * 100 AS INTEGER) * 100000 + "
                               "CAST((?2 + 180.0) * 100 AS INTEGER)",
                               -1, &st, nullptr),
            SQLITE_OK);
  sqlite3_bind_double(st, 1, lat);
  sqlite3_bind_double(st, 2, lon);
  EXPECT_EQ(sqlite3_step(st), SQLITE_ROW);
  const int64_t v = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  return v;
}

TEST(GridCell, AgreesWithTheSqlExpressionEverywhere) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(":memory:", &db), SQLITE_OK);
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> lat(-11.0, 6.0), lon(95.0, 141.0);
  for (int i = 0; i < 20000; ++i) {
    const double a = lat(rng), b = lon(rng);
    ASSERT_EQ(GridCell(a, b), SqlCell(db, a, b)) << a << "," << b;
  }
  // Cell edges and values near them, where rounding would show first.
  for (const double a : {-6.2, -0.01, 0.0, 1.45, 1.4499999999, 1.4500000001, 5.99}) {
    for (const double b : {106.8, 124.83, 124.8299999999, 140.99}) {
      EXPECT_EQ(GridCell(a, b), SqlCell(db, a, b)) << a << "," << b;
    }
  }
  sqlite3_close(db);
}

TEST(GridCell, ABoxListsTheCellsOfEveryPointInside) {
  const double min_lat = 1.4412, min_lon = 124.8291, max_lat = 1.4633, max_lon = 124.8512;
  const auto cells = GridCells(min_lat, min_lon, max_lat, max_lon);
  EXPECT_EQ(cells.size(), 12u);  // rows 9144..9146 x columns 30482..30485
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> lat(min_lat, max_lat), lon(min_lon, max_lon);
  for (int i = 0; i < 5000; ++i) {
    const int64_t c = GridCell(lat(rng), lon(rng));
    EXPECT_NE(std::find(cells.begin(), cells.end(), c), cells.end());
  }
  EXPECT_EQ(GridCells(1.45, 124.83, 1.45, 124.83).size(), 1u);  // a point
}

TEST(GridCell, LargeOrInvertedBoxesGiveNoCells) {
  EXPECT_TRUE(GridCells(1.0, 124.0, 2.0, 125.0).empty());  // 10,000 cells: lat/lon alone
  EXPECT_TRUE(GridCells(1.5, 124.8, 1.4, 124.9).empty());  // min above max
}

}  // namespace
}  // namespace kc::reports
