// Unit tests of the pure report rules: tracking numbers, local time, routing.
#include <gtest/gtest.h>

#include "reports/report.h"
#include "reports/routing.h"

namespace kc::reports {
namespace {

TEST(Tracking, FormatAndRecognise) {
  EXPECT_EQ(FormatTracking("MDO", 2026, 123), "MDO-2026-000123");
  EXPECT_EQ(FormatTracking("MDO", 2026, 1234567), "MDO-2026-1234567");
  EXPECT_TRUE(LooksLikeTracking("MDO-2026-000123"));
  EXPECT_TRUE(LooksLikeTracking("MDO-2026-1234567"));
  for (const char* bad : {"", "MDO", "mdo-2026-000123", "MDO-26-000123", "MDO-2026-12",
                          "M-2026-000123", "MDO-2026-00012x", "MDO_2026_000123",
                          "MDO-2026-000123' OR 1=1"}) {
    EXPECT_FALSE(LooksLikeTracking(bad)) << bad;
  }
  EXPECT_EQ(DefaultTrackingPrefix("manado"), "MND");
  EXPECT_EQ(DefaultTrackingPrefix("bitung"), "BTN");
  EXPECT_EQ(DefaultTrackingPrefix("aia"), "AXX");
  EXPECT_EQ(DefaultTrackingPrefix(""), "RPT");
}

TEST(Time, LocalYearAndFormat) {
  const TimePoint t = *ParseTimestamp("2026-12-31T16:30:00Z");  // 00:30 on 1 Jan in WITA
  EXPECT_EQ(LocalYear(t, 420), 2026);
  EXPECT_EQ(LocalYear(t, 480), 2027);
  EXPECT_EQ(FormatLocal(t, 480), "2027-01-01T00:30:00+08:00");
  EXPECT_EQ(FormatLocal(t, 0), "2026-12-31T16:30:00+00:00");
  EXPECT_EQ(FormatLocal(*ParseTimestamp("1969-12-31T23:59:59Z"), 540), "1970-01-01T08:59:59+09:00");
}

TEST(Status, NamesAndOpen311State) {
  for (auto s : {ReportStatus::kDiterima, ReportStatus::kDiverifikasi, ReportStatus::kDiproses,
                 ReportStatus::kSelesai, ReportStatus::kDitolak, ReportStatus::kDuplikat}) {
    EXPECT_EQ(ParseStatus(StatusName(s)), s);
  }
  EXPECT_FALSE(ParseStatus("open").has_value());
  EXPECT_FALSE(IsClosed(ReportStatus::kDiproses));
  EXPECT_TRUE(IsClosed(ReportStatus::kDuplikat));
}

TEST(Routing, MostSpecificRuleWins) {
  const std::vector<RoutingRule> rules = {
      {.category_code = "sampah", .area_code = "", .opd_id = 1},
      {.category_code = "sampah", .area_code = "71.71.01", .opd_id = 2},
      {.category_code = "sampah", .area_code = "71.71.01.1001", .opd_id = 3},
      {.category_code = "banjir", .area_code = "71.71.01.1001", .opd_id = 4},
  };
  EXPECT_EQ(PickOpd(rules, "sampah", "71.71.01.1001", "71.71.01", 9).opd_id, 3);
  EXPECT_EQ(PickOpd(rules, "sampah", "71.71.01.1002", "71.71.01", 9).opd_id, 2);
  EXPECT_EQ(PickOpd(rules, "sampah", "71.71.02.1001", "71.71.02", 9).opd_id, 1);
  EXPECT_EQ(PickOpd(rules, "sampah", "", "", 9).basis, RouteBasis::kRegionRule);
  EXPECT_EQ(PickOpd(rules, "banjir", "71.71.02.1001", "71.71.02", 9).opd_id, 9);
  EXPECT_EQ(PickOpd(rules, "banjir", "71.71.02.1001", "71.71.02", 9).basis,
            RouteBasis::kCategoryDefault);
  EXPECT_FALSE(PickOpd(rules, "pkl", "", "", std::nullopt).opd_id.has_value());
}

TEST(Geography, Indonesia) {
  EXPECT_TRUE(InIndonesia(1.47, 124.84));     // Manado
  EXPECT_TRUE(InIndonesia(-8.5, 140.4));      // Merauke
  EXPECT_FALSE(InIndonesia(-20.0, 100.0));    // Indian Ocean
  EXPECT_FALSE(InIndonesia(51.5, -0.12));     // London
}

}  // namespace
}  // namespace kc::reports
