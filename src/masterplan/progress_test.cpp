// Periods and progress validation (progress.h): table-driven.
#include "masterplan/progress.h"

#include <gtest/gtest.h>

namespace kc::masterplan {
namespace {

TEST(ParsePeriod, QuartersSemestersYearsAndMonths) {
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
      {"2026-S1", true, "2026-01-01", "2026-06-30"},
      {"2026-S2", true, "2026-07-01", "2026-12-31"},
      {"2026", true, "2026-01-01", "2026-12-31"},
      {"2000", true, "2000-01-01", "2000-12-31"},
      {"2100-S2", true, "2100-07-01", "2100-12-31"},
      {"2026-S0", false, "", ""},
      {"2026-S3", false, "", ""},
      {"2026-S12", false, "", ""},
      {"1999", false, "", ""},
      {"2101", false, "", ""},
      {"1999-S1", false, "", ""},
      {"2026-s1", false, "", ""},  // upper case only: one spelling per report key
      {"2026-q1", false, "", ""},
      {"2026-", false, "", ""},
      {"20260", false, "", ""},
      {"+202", false, "", ""},
      {"2026S1", false, "", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    auto p = ParsePeriod(c.text);
    ASSERT_EQ(p.has_value(), c.ok);
    if (!c.ok) continue;
    EXPECT_EQ(p->start, c.start);
    EXPECT_EQ(p->end, c.end);
  }
  EXPECT_EQ(ParsePeriod("2026-Q2")->kind, PeriodKind::kQuarter);
  EXPECT_EQ(ParsePeriod("2026-05")->kind, PeriodKind::kMonth);
  EXPECT_EQ(ParsePeriod("2026-S2")->kind, PeriodKind::kSemester);
  EXPECT_EQ(ParsePeriod("2026")->kind, PeriodKind::kYear);
  EXPECT_EQ(ParsePeriod("2026")->year, 2026);
}

TEST(PeriodKind, OneItemKeepsOneKind) {
  const std::vector<std::string> semesters = {"2026-S1", "2026-S2"};
  EXPECT_FALSE(OtherPeriodKind(*ParsePeriod("2027-S1"), semesters));
  EXPECT_EQ(OtherPeriodKind(*ParsePeriod("2026-Q3"), semesters), PeriodKind::kSemester);
  EXPECT_EQ(OtherPeriodKind(*ParsePeriod("2026"), semesters), PeriodKind::kSemester);
  EXPECT_EQ(OtherPeriodKind(*ParsePeriod("2026-S1"), {"2025"}), PeriodKind::kYear);
  EXPECT_EQ(OtherPeriodKind(*ParsePeriod("2026-S1"), {"2025-Q4"}), PeriodKind::kQuarter);
  EXPECT_EQ(OtherPeriodKind(*ParsePeriod("2026-S1"), {"2025-12"}), PeriodKind::kMonth);
  Validation v;
  CheckPeriodKind(*ParsePeriod("2026-Q1"), {"2025"}, v);
  ASSERT_FALSE(v.ok());
  const auto details = std::move(v).ToError().details;
  ASSERT_EQ(details.size(), 1u);
  EXPECT_EQ(details[0].field, "period");
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

// A semester or a year may be reported once it has started (the running one is open), not
// before; its year must be one of the program's years.
TEST(ValidateProgress, SemestersAndYearsOnceStarted) {
  const ProgressReport good{.realisation = 40, .narrative = "Modul perizinan sudah daring."};
  EXPECT_TRUE(Fields(good, "2026-S1").empty());
  EXPECT_TRUE(Fields(good, "2026-S2").empty());  // running on 2026-11-26
  EXPECT_TRUE(Fields(good, "2026").empty());     // running
  EXPECT_EQ(Fields(good, "2026-S2", "2026-06-30"), std::vector<std::string>{"period"});
  EXPECT_TRUE(Fields(good, "2026-S2", "2026-07-01").empty());
  EXPECT_EQ(Fields(good, "2027"), std::vector<std::string>{"period"});     // not started
  EXPECT_EQ(Fields(good, "2025-S2"), std::vector<std::string>{"period"});  // before the program
  EXPECT_EQ(Fields(good, "2029", "2030-01-01"),
            std::vector<std::string>{"period"});  // after the program
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
