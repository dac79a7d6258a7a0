// Pure rules, data-driven: version transitions, periods, dates, stages and the Bimtek gate.
#include <gtest/gtest.h>

#include "masterplan/bimtek.h"
#include "masterplan/masterplan.h"

namespace kc::masterplan {
namespace {

using S = VersionStatus;
using T = Transition;

TEST(Transitions, Table) {
  struct Case {
    S from;
    T t;
    std::optional<S> to;  // nullopt: refused with invalid_transition
  };
  const Case cases[] = {
      {S::kDraft, T::kSubmit, S::kInReview},        {S::kDraft, T::kApprove, std::nullopt},
      {S::kDraft, T::kPublish, std::nullopt},       {S::kDraft, T::kRequestChanges, std::nullopt},
      {S::kInReview, T::kApprove, S::kApproved},    {S::kInReview, T::kRequestChanges, S::kDraft},
      {S::kInReview, T::kPublish, std::nullopt},    {S::kInReview, T::kSubmit, std::nullopt},
      {S::kApproved, T::kPublish, S::kPublished},   {S::kApproved, T::kSubmit, std::nullopt},
      {S::kPublished, T::kSubmit, std::nullopt},    {S::kPublished, T::kPublish, std::nullopt},
  };
  for (const Case& c : cases) {
    auto r = Apply(c.from, c.t);
    SCOPED_TRACE(std::string(ToString(c.from)) + " " + std::to_string(static_cast<int>(c.t)));
    if (c.to) {
      ASSERT_TRUE(r.ok());
      EXPECT_EQ(*r, *c.to);
    } else {
      ASSERT_FALSE(r.ok());
      EXPECT_EQ(r.error().code, ErrorCode::kConflict);
      EXPECT_EQ(r.error().Slug(), "invalid_transition");
      EXPECT_FALSE(r.error().message.id.empty());
      EXPECT_FALSE(r.error().message.en.empty());
    }
  }
}

TEST(Transitions, StatusNamesRoundTrip) {
  for (S s : {S::kDraft, S::kInReview, S::kApproved, S::kPublished}) {
    EXPECT_EQ(VersionStatusFromString(ToString(s)), s);
  }
  EXPECT_FALSE(VersionStatusFromString("Draft"));
  for (TeamBody b : {TeamBody::kDewan, TeamBody::kTimPelaksana, TeamBody::kForum}) {
    EXPECT_EQ(TeamBodyFromString(ToString(b)), b);
  }
}

TEST(Period, Table) {
  struct Case {
    int start, end;
    std::vector<std::string> fields;  // fields with errors
  };
  const Case cases[] = {
      {2025, 2034, {}},       {2025, 2025, {}},           {2025, 2044, {}},
      {2025, 2045, {"end_year"}}, {2025, 2024, {"end_year"}}, {1999, 2005, {"start_year"}},
      {2101, 2105, {"start_year"}},
  };
  for (const Case& c : cases) {
    Validation v;
    ValidatePeriod(c.start, c.end, v);
    Error e = std::move(v).ToError();
    std::vector<std::string> fields;
    for (const auto& d : e.details) fields.push_back(d.field);
    EXPECT_EQ(fields, c.fields) << c.start << "-" << c.end;
  }
  EXPECT_TRUE(Overlaps(2025, 2034, 2034, 2040));
  EXPECT_FALSE(Overlaps(2025, 2034, 2035, 2040));
}

TEST(CurrentPlan, RunningThisYearElseNewest) {
  const auto plans = [](std::vector<std::pair<int, int>> periods) {
    std::vector<Masterplan> out;
    for (const auto& [start, end] : periods) {
      out.push_back(
          {.id = static_cast<int64_t>(out.size()) + 1, .start_year = start, .end_year = end});
    }
    return out;
  };
  struct Case {
    std::vector<std::pair<int, int>> periods;
    int year;
    int64_t want;  // 0: none
  };
  const Case cases[] = {
      {{{2020, 2024}, {2025, 2034}}, 2026, 2},  // the running one
      {{{2025, 2034}, {2035, 2044}}, 2026, 1},  // running beats a newer one
      {{{2015, 2019}, {2020, 2024}}, 2026, 2},  // none running: the newest
      {{{2030, 2034}, {2020, 2024}}, 2026, 1},  // order of the list does not matter
      {{}, 2026, 0},
  };
  for (const Case& c : cases) {
    const auto list = plans(c.periods);
    const Masterplan* got = CurrentPlan(list, c.year);
    EXPECT_EQ(got ? got->id : 0, c.want) << c.periods.size() << " plans, year " << c.year;
  }
}

TEST(Dates, Table) {
  for (const char* ok : {"2023-07-31", "2024-02-29", "2021-11-09"}) EXPECT_TRUE(IsIsoDate(ok)) << ok;
  for (const char* bad : {"2023-02-29", "2023-13-01", "2023-7-31", "31-07-2023", "2023-07-31T00",
                          "", "abcd-ef-gh", "2023-00-10"}) {
    EXPECT_FALSE(IsIsoDate(bad)) << bad;
  }
}

TEST(Stages, DefinitionsAndParsing) {
  ASSERT_EQ(Stages().size(), 4u);
  EXPECT_EQ(ParseStage("I"), 1);
  EXPECT_EQ(ParseStage("4"), 4);
  EXPECT_EQ(ParseStage("IV"), 4);
  EXPECT_FALSE(ParseStage("V"));
  EXPECT_FALSE(ParseStage("0"));
  EXPECT_TRUE(IsOutputOf(2, "buku1"));
  EXPECT_FALSE(IsOutputOf(1, "buku1"));
  EXPECT_TRUE(IsOutputOf(4, "signed_commitment"));
}

Stage ReadyStage(int n) {
  Stage s{.stage = n, .start_date = "2023-07-31", .end_date = "2023-08-01", .place = "Aula Diskominfo"};
  s.participants.push_back({.id = 1, .name = "Kepala Bappeda", .attended = true});
  for (const StageOutput& o : FindStage(n)->outputs) {
    if (o.data) s.data_outputs.insert(std::string(o.key));
    else s.outputs.push_back({.output = std::string(o.key)});
  }
  return s;
}

std::vector<std::string> GateFields(const Stage& s, const Stage* prev) {
  Status st = CheckGate(s, prev);
  std::vector<std::string> out;
  if (!st.ok()) {
    for (const auto& d : st.error().details) out.push_back(d.field);
  }
  return out;
}

TEST(Gate, ReadyStagePasses) {
  Stage one = ReadyStage(1);
  EXPECT_TRUE(CheckGate(one, nullptr).ok());
  one.completed_at = "2023-07-01T00:00:00.000Z";
  EXPECT_TRUE(CheckGate(ReadyStage(2), &one).ok());
}

TEST(Gate, NamesEveryMissingPieceAtOnce) {
  Stage empty{.stage = 1};
  EXPECT_EQ(GateFields(empty, nullptr),
            (std::vector<std::string>{"start_date", "end_date", "place", "attendance",
                                      "outputs.readiness_scores", "outputs.swot", "outputs.vision_draft"}));
  Stage four = ReadyStage(4);
  std::erase_if(four.outputs, [](const RecordedOutput& o) { return o.output == "signed_commitment"; });
  Stage three = ReadyStage(3);                    // not completed
  EXPECT_EQ(GateFields(four, &three),
            (std::vector<std::string>{"previous_stage", "outputs.signed_commitment"}));
  Stage absent = ReadyStage(2);
  absent.participants[0].attended = false;
  Stage one = ReadyStage(1);
  one.completed_at = "x";
  EXPECT_EQ(GateFields(absent, &one), (std::vector<std::string>{"attendance"}));
  Status st = CheckGate(empty, nullptr);
  EXPECT_EQ(st.error().Slug(), "stage_gate");
  EXPECT_EQ(st.error().code, ErrorCode::kConflict);
}

TEST(Gate, DataOutputsComeFromTheDataNotFromRecords) {
  Stage one = ReadyStage(1);
  one.data_outputs.erase("swot");
  one.outputs.push_back({.output = "swot"});  // a record cannot stand in for the data
  EXPECT_EQ(GateFields(one, nullptr), std::vector<std::string>{"outputs.swot"});
  EXPECT_TRUE(FindOutput(1, "readiness_scores")->data);
  EXPECT_FALSE(FindOutput(2, "buku1")->data);
}

TEST(Gate, CompletedStageIsRefusedAndCurrentStageAdvances) {
  Stage one = ReadyStage(1);
  one.completed_at = "x";
  EXPECT_EQ(CheckGate(one, nullptr).error().Slug(), "stage_completed");
  std::vector<Stage> stages = {one, ReadyStage(2), ReadyStage(3), ReadyStage(4)};
  EXPECT_EQ(CurrentStage(stages), 2);
  for (Stage& s : stages) s.completed_at = "x";
  EXPECT_EQ(CurrentStage(stages), 5);
}

}  // namespace
}  // namespace kc::masterplan
