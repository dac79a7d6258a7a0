// Adoption figures against hand-computed expectations.
#include "community/adoption.h"

#include <gtest/gtest.h>

namespace kc::community {
namespace {

TimePoint At(const std::string& iso) { return *ParseTimestamp(iso); }

constexpr int kWita = 480;

TEST(Adoption, WeekStartIsLocalMonday) {
  // Sunday 2026-11-29 20:00 UTC is Monday 04:00 WITA.
  EXPECT_EQ(WeekStart(At("2026-11-29T20:00:00Z"), kWita), "2026-11-30");
  EXPECT_EQ(WeekStart(At("2026-11-29T15:59:59Z"), kWita), "2026-11-23");
  EXPECT_EQ(WeekStart(At("2026-11-26T04:00:00Z"), 0), "2026-11-23");
}

TEST(Adoption, CountsPerAgentKecamatanAndWeek) {
  const std::vector<Agent> agents = {
      {.id = 1, .kecamatan_code = "71.71.01", .name = "A"},
      {.id = 2, .kecamatan_code = "71.71.01", .name = "B"},
      {.id = 3, .kecamatan_code = "71.71.02", .name = "C", .status = AgentStatus::kInactive},
  };
  // Period: Mon 2026-11-16 00:00 WITA .. Mon 2026-11-30 00:00 WITA (two weeks).
  const TimePoint from = At("2026-11-15T16:00:00Z");
  const TimePoint to = At("2026-11-29T16:00:00Z");
  const std::vector<SignupEvent> signups = {
      {1, 100, At("2026-11-16T01:00:00Z")},  // week 1, agent 1
      {1, 101, At("2026-11-24T01:00:00Z")},  // week 2, agent 1
      {2, 102, At("2026-11-17T01:00:00Z")},  // week 1, agent 2
      {3, 103, At("2026-11-25T01:00:00Z")},  // week 2, agent 3
      {1, 104, At("2026-11-15T15:59:59Z")},  // before the period (Sunday WITA)
      {9, 105, At("2026-11-20T01:00:00Z")},  // unknown agent: ignored
  };
  const std::vector<ReportEvent> reports = {
      {1, 1, 100, At("2026-11-16T02:00:00Z")},           // week 1
      {2, 1, 100, At("2026-11-24T02:00:00Z")},           // week 2, same reporter
      {3, 1, 101, At("2026-11-24T03:00:00Z")},           // week 2
      {4, 2, std::nullopt, At("2026-11-18T02:00:00Z")},  // anonymous relayed report, week 1
      {5, 3, 100, At("2026-11-26T02:00:00Z")},           // agent 3's; reporter 100 again
      {6, 2, 102, At("2026-11-29T16:00:00Z")},           // exactly `to`: excluded
  };
  const Adoption a = Aggregate(agents, signups, reports, from, to, kWita);
  ASSERT_EQ(a.agents.size(), 3u);
  EXPECT_EQ(a.agents[0].counts.signups, 2);
  EXPECT_EQ(a.agents[0].counts.reports, 3);
  EXPECT_EQ(a.agents[0].counts.active_reporters, 2);
  EXPECT_EQ(a.agents[1].counts.signups, 1);
  EXPECT_EQ(a.agents[1].counts.reports, 1);
  EXPECT_EQ(a.agents[1].counts.active_reporters, 0);
  EXPECT_EQ(a.agents[2].counts.signups, 1);
  EXPECT_EQ(a.agents[2].counts.reports, 1);
  EXPECT_EQ(a.agents[2].status, AgentStatus::kInactive);

  ASSERT_EQ(a.kecamatan.size(), 2u);
  EXPECT_EQ(a.kecamatan[0].code, "71.71.01");
  EXPECT_EQ(a.kecamatan[0].agents, 2);
  EXPECT_EQ(a.kecamatan[0].counts.signups, 3);
  EXPECT_EQ(a.kecamatan[0].counts.reports, 4);
  EXPECT_EQ(a.kecamatan[0].counts.active_reporters, 2);
  EXPECT_EQ(a.kecamatan[1].counts.reports, 1);

  ASSERT_EQ(a.weeks.size(), 2u);
  EXPECT_EQ(a.weeks[0].week_start, "2026-11-16");
  EXPECT_EQ(a.weeks[0].counts.signups, 2);
  EXPECT_EQ(a.weeks[0].counts.reports, 2);
  EXPECT_EQ(a.weeks[0].counts.active_reporters, 1);
  EXPECT_EQ(a.weeks[1].week_start, "2026-11-23");
  EXPECT_EQ(a.weeks[1].counts.signups, 2);
  EXPECT_EQ(a.weeks[1].counts.reports, 3);
  EXPECT_EQ(a.weeks[1].counts.active_reporters, 2);

  EXPECT_EQ(a.total.signups, 4);
  EXPECT_EQ(a.total.reports, 5);
  EXPECT_EQ(a.total.active_reporters, 2);  // users 100 and 101
}

TEST(Adoption, EmptyWeeksAreListed) {
  const Adoption a =
      Aggregate({}, {}, {}, At("2026-11-02T00:00:00Z"), At("2026-11-23T00:00:00Z"), 0);
  ASSERT_EQ(a.weeks.size(), 3u);
  EXPECT_EQ(a.weeks[2].week_start, "2026-11-16");
  EXPECT_EQ(a.total.signups, 0);
}

}  // namespace
}  // namespace kc::community
