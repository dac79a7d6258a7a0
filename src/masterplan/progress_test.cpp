// Periods and progress validation (progress.h): table-driven.
#include "masterplan/progress.h"

#include <gtest/gtest.h>

namespace kc::masterplan {
namespace {

TEST(ParsePeriod, QuartersAndMonths) {
  struct Case {
    const char* text;
    bool ok;
    const char* start;
    const char* end;
  };
  const Case cases[] = {
      {"2026-Q1", true, "2026-01-01", "2026-03-31"},
      {"2026-Q4", true, "2026-10-01", "2026-12-31"},
      {"2026-02", true, "2026-02-01", "2026-02-28"},
      {"2028-02", true, "2028-02-01", "2028-02-29"},
      {"2026-12", true, "2026-12-01", "2026-12-31"},
      {"2026-Q0", false, "", ""},
      {"2026-Q5", false, "", ""},
      {"2026-13", false, "", ""},
      {"2026-00", false, "", ""},
      {"26-Q1", false, "", ""},
      {"2026Q1", false, "", ""},
      {"1999-01", false, "", ""},
      {"2026-1", false, "", ""},
      {"", false, "", ""},
      {"2026-Q1x", false, "", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    auto p = ParsePeriod(c.text);
    ASSERT_EQ(p.has_value(), c.ok);
    if (!c.ok) continue;
    EXPECT_EQ(p->start, c.start);
    EXPECT_EQ(p->end, c.end);
  }
  EXPECT_TRUE(ParsePeriod("2026-Q2")->quarter);
  EXPECT_FALSE(ParsePeriod("2026-05")->quarter);
}

Program Sample() {
  return Program{.no = 1,
                 .dimension = "governance",
                 .element = "layanan_publik",
                 .name = "Portal",
                 .owner_opd_id = 1,
                 .start_year = 2026,
                 .end_year = 2028,
                 .kpis = {{"Layanan daring", "layanan", 12, {{2028, 80}}}}};
}

std::vector<std::string> Fields(const ProgressReport& r, const char* period,
                                const char* today = "2026-11-26") {
  Validation v;
  ValidateProgress(r, *ParsePeriod(period), Sample(), 2025, 2034, today, v);
  std::vector<std::string> out;
  if (v.ok()) return out;
  for (const auto& d : std::move(v).ToError().details) out.push_back(d.field);
  return out;
}

TEST(ValidateProgress, EveryBadFieldNamed) {
  const ProgressReport good{.realisation = 40,
                            .budget_realised = 250'000'000,
                            .kpi_actuals = {{"Layanan daring", 20}},
                            .narrative = "Modul perizinan sudah daring.",
                            .evidence_url = "https://x.id/a.pdf"};
  EXPECT_TRUE(Fields(good, "2026-Q1").empty());
  EXPECT_TRUE(Fields(good, "2026-11").empty());                            // started today's month
  EXPECT_EQ(Fields(good, "2026-12"), std::vector<std::string>{"period"});  // not started
  EXPECT_EQ(Fields(good, "2025-Q4"), std::vector<std::string>{"period"});  // before the program
  EXPECT_EQ(Fields(good, "2040-Q1", "2041-01-01"),
            std::vector<std::string>{"period"});  // after the plan

  ProgressReport bad = good;
  bad.realisation = 101;
  bad.budget_realised = -5;
  bad.kpi_actuals = {{"Layanan daring", 1}, {"Layanan daring", 2}, {"Tidak ada", 3}};
  bad.narrative = "ok";
  bad.evidence_url = "ftp://x";
  EXPECT_EQ(Fields(bad, "2026-Q1"),
            (std::vector<std::string>{"realisation", "budget_realised", "kpi_actuals[1].name",
                                      "kpi_actuals[2].name", "narrative", "evidence_url"}));
}

}  // namespace
}  // namespace kc::masterplan
