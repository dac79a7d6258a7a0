// Program and quick-win validation, data-driven; the quick-win data outputs of stages II-IV.
#include <gtest/gtest.h>

#include "masterplan/program.h"
#include "masterplan/program_service.h"
#include "masterplan/reference.h"

namespace kc::masterplan {
namespace {

// A valid program for a 2025-2034 plan.
Program Valid() {
  Program p{.dimension = "living", .element = "kesehatan", .name = "Puskesmas Digital", .owner_opd_id = 3,
            .supporting_opd_ids = {5}, .horizon = Horizon::kMenengah, .start_year = 2025, .end_year = 2027};
  p.budget = {{2025, "APBD", 750'000'000}, {2026, "DAK", 1'200'000'000}, {2026, "APBD", 300'000'000}};
  p.kpis = {{"Puskesmas dengan rekam medis elektronik", "%", 20, {{2025, 40}, {2027, 100}}}};
  return p;
}

std::vector<std::string> ProgramFields(const Program& p) {
  Validation v;
  ValidateProgram(p, 2025, 2034, v);
  std::vector<std::string> out;
  for (const auto& d : std::move(v).ToError().details) out.push_back(d.field);
  return out;
}

TEST(ProgramValidation, Table) {
  struct Case {
    const char* name;
    void (*change)(Program&);
    std::vector<std::string> fields;
  };
  const Case cases[] = {
      {"valid", [](Program&) {}, {}},
      {"no owner", [](Program& p) { p.owner_opd_id = 0; }, {"owner_opd_id"}},
      {"element of another dimension", [](Program& p) { p.element = "energi"; }, {"element"}},
      {"unknown dimension", [](Program& p) { p.dimension = "smart_living"; }, {"dimension"}},
      {"short name", [](Program& p) { p.name = "PD"; }, {"name"}},
      {"owner also supporting", [](Program& p) { p.supporting_opd_ids = {3}; }, {"supporting_opd_ids"}},
      {"starts before the plan", [](Program& p) { p.start_year = 2024; }, {"start_year"}},
      {"ends after the plan", [](Program& p) { p.end_year = 2035; p.horizon = Horizon::kPanjang; }, {"end_year"}},
      {"ends before it starts", [](Program& p) { p.end_year = 2024; }, {"end_year"}},
      {"pendek is one year", [](Program& p) { p.horizon = Horizon::kPendek; }, {"horizon"}},
      {"panjang needs five", [](Program& p) { p.horizon = Horizon::kPanjang; }, {"horizon"}},
      {"negative budget", [](Program& p) { p.budget[1].amount = -5; }, {"budget[1].amount"}},
      {"budget outside the years", [](Program& p) { p.budget[0].year = 2030; }, {"budget[0].year"}},
      {"unknown source", [](Program& p) { p.budget[0].source = "hibah"; }, {"budget[0].source"}},
      {"duplicate line", [](Program& p) { p.budget[2].source = "DAK"; }, {"budget[2].source"}},
      {"KPI target outside", [](Program& p) { p.kpis[0].targets[2031] = 100; }, {"kpis[0].targets.2031"}},
      {"KPI without unit", [](Program& p) { p.kpis[0].unit = ""; }, {"kpis[0].unit"}},
  };
  for (const Case& c : cases) {
    Program p = Valid();
    c.change(p);
    EXPECT_EQ(ProgramFields(p), c.fields) << c.name;
  }
}

TEST(QuickWinValidation, Table) {
  struct Case {
    const char* name;
    QuickWin q;
    std::vector<std::string> fields;
  };
  const QuickWin base{.dimension = "governance", .name = "Layanan antrean online"};
  auto with = [&](auto f) { QuickWin q = base; f(q); return q; };
  const Case cases[] = {
      {"candidate", base, {}},
      {"selected without reason", with([](QuickWin& q) { q.state = QuickWinState::kSelected; }), {"reason"}},
      {"final without owner and dates",
       with([](QuickWin& q) { q.state = QuickWinState::kFinal; q.reason = "cepat terasa"; }),
       {"owner_opd_id", "start_date", "end_date"}},
      {"final over a year", with([](QuickWin& q) {
         q.state = QuickWinState::kFinal; q.reason = "cepat"; q.owner_opd_id = 1;
         q.start_date = "2024-01-01"; q.end_date = "2025-03-01";
       }), {"end_date"}},
      {"final ok", with([](QuickWin& q) {
         q.state = QuickWinState::kFinal; q.reason = "cepat"; q.owner_opd_id = 1;
         q.start_date = "2024-01-01"; q.end_date = "2024-12-31";
       }), {}},
      {"bad numbers", with([](QuickWin& q) { q.budget = -1; q.progress = 101; q.start_date = "2024-13-01"; }),
       {"budget", "progress", "start_date"}},
  };
  for (const Case& c : cases) {
    Validation v;
    ValidateQuickWin(c.q, v);
    std::vector<std::string> fields;
    for (const auto& d : std::move(v).ToError().details) fields.push_back(d.field);
    EXPECT_EQ(fields, c.fields) << c.name;
  }
}

TEST(QuickWinOutputs, EveryDimensionCounts) {
  std::vector<QuickWin> qws;
  EXPECT_TRUE(QuickWinOutputs(qws).empty());
  for (const Dimension& d : Dimensions()) qws.push_back({.dimension = std::string(d.key), .name = "ide"});
  EXPECT_EQ(QuickWinOutputs(qws), (DataOutputs{"quick_win_ideas"}));
  for (QuickWin& q : qws) q.state = QuickWinState::kSelected;
  EXPECT_EQ(QuickWinOutputs(qws), (DataOutputs{"quick_win_ideas", "quick_win_selection"}));
  for (QuickWin& q : qws) q.state = QuickWinState::kFinal;
  EXPECT_EQ(QuickWinOutputs(qws), (DataOutputs{"final_quick_wins", "quick_win_ideas", "quick_win_selection"}));
  qws.back().state = QuickWinState::kRejected;  // environment has none left
  EXPECT_EQ(QuickWinOutputs(qws), (DataOutputs{"quick_win_ideas"}));
}

}  // namespace
}  // namespace kc::masterplan
