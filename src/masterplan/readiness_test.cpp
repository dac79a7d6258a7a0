// Readiness averages and score validation, data-driven; data outputs of stage I.
#include <gtest/gtest.h>

#include "masterplan/readiness.h"
#include "masterplan/readiness_service.h"
#include "masterplan/reference.h"

namespace kc::masterplan {
namespace {

// Every sub-aspect of every dimension scored `score`.
std::vector<ReadinessScore> Uniform(int score) {
  std::vector<ReadinessScore> out;
  for (const Dimension& d : Dimensions()) {
    for (const ReadinessAspect& a : ReadinessAspects()) {
      for (const Named& s : a.sub_aspects) {
        out.push_back({std::string(d.key), std::string(a.aspect.key), std::string(s.key), score, "ok"});
      }
    }
  }
  return out;
}

TEST(MeanRounding, HalfUpOnExactValues) {
  struct Case {
    int sum, count;
    double rounded;
  };
  const Case cases[] = {{11, 3, 3.67}, {10, 3, 3.33}, {7, 2, 3.5}, {31, 9, 3.44}, {5, 3, 1.67},
                        {1, 8, 0.13},  // 0.125 -> 0.13 (half up, no binary-fraction surprise)
                        {27, 8, 3.38},  // 3.375 -> 3.38
                        {0, 0, 0.0}, {45, 9, 5.0}};
  for (const Case& c : cases) {
    EXPECT_DOUBLE_EQ((Mean{c.sum, c.count}.Rounded()), c.rounded) << c.sum << "/" << c.count;
  }
}

TEST(Readiness, AveragesPerAspectAndDimension) {
  // Smart Governance only: Struktur 4,3,4; Infrastruktur 2,2,3; Suprastruktur 5,4,4.
  const std::vector<ReadinessScore> scores = {
      {"governance", "struktur", "sdm", 4, "x"},          {"governance", "struktur", "anggaran", 3, "x"},
      {"governance", "struktur", "tata_kelola", 4, "x"},  {"governance", "infrastruktur", "fisik", 2, "x"},
      {"governance", "infrastruktur", "digital", 2, "x"}, {"governance", "infrastruktur", "sosial", 3, "x"},
      {"governance", "suprastruktur", "regulasi", 5, "x"}, {"governance", "suprastruktur", "kelembagaan", 4, "x"},
      {"governance", "suprastruktur", "implementasi", 4, "x"},
      {"living", "struktur", "sdm", 2, "x"},
      {"living", "struktur", "digital", 5, "x"},  // not a Struktur sub-aspect: ignored
  };
  const ReadinessSummary s = Summarise(scores);
  ASSERT_EQ(s.dimensions.size(), 6u);
  const DimensionReadiness& gov = s.dimensions[0];
  EXPECT_EQ(gov.dimension, "governance");
  EXPECT_DOUBLE_EQ(gov.aspects[0].second.Rounded(), 3.67);
  EXPECT_DOUBLE_EQ(gov.aspects[1].second.Rounded(), 2.33);
  EXPECT_DOUBLE_EQ(gov.aspects[2].second.Rounded(), 4.33);
  EXPECT_DOUBLE_EQ(gov.overall.Rounded(), 3.44);
  EXPECT_TRUE(gov.complete);
  const DimensionReadiness& living = s.dimensions[3];
  EXPECT_EQ(living.dimension, "living");
  EXPECT_EQ(living.overall.count, 1);
  EXPECT_FALSE(living.complete);
  EXPECT_DOUBLE_EQ(s.aspects[0].second.Rounded(), 3.25);  // struktur: 4+3+4+2 over 4
  EXPECT_EQ(s.scored, 10);
  EXPECT_EQ(s.expected, 54);
  EXPECT_DOUBLE_EQ(s.overall.Rounded(), 3.3);  // 33/10
}

TEST(Readiness, UniformTablesAndCompleteness) {
  for (int score = 1; score <= 5; ++score) {
    const ReadinessSummary s = Summarise(Uniform(score));
    EXPECT_EQ(s.scored, 54);
    EXPECT_DOUBLE_EQ(s.overall.Rounded(), score);
    for (const auto& d : s.dimensions) EXPECT_TRUE(d.complete);
  }
}

TEST(Readiness, ValidateScoreNamesEachField) {
  struct Case {
    ReadinessScore score;
    std::vector<std::string> fields;
  };
  const Case cases[] = {
      {{"governance", "struktur", "sdm", 3, "cukup"}, {}},
      {{"governance", "struktur", "sdm", 0, "cukup"}, {"p.score"}},
      {{"governance", "struktur", "sdm", 6, "cukup"}, {"p.score"}},
      {{"smart_governance", "struktur", "sdm", 3, "cukup"}, {"p.dimension"}},
      {{"governance", "struktur", "digital", 3, "cukup"}, {"p.sub_aspect"}},
      {{"governance", "suprastruktur_x", "sdm", 3, "cukup"}, {"p.aspect"}},
      {{"governance", "struktur", "sdm", 3, ""}, {"p.justification"}},
  };
  for (const Case& c : cases) {
    Validation v;
    ValidateScore(c.score, "p.", v);
    std::vector<std::string> fields;
    for (const auto& d : std::move(v).ToError().details) fields.push_back(d.field);
    EXPECT_EQ(fields, c.fields) << c.score.dimension << "/" << c.score.sub_aspect << "/" << c.score.score;
  }
}

TEST(Readiness, DataOutputsOfStageOne) {
  Analysis a;
  a.scores = Uniform(3);
  a.summary = Summarise(a.scores);
  EXPECT_EQ(CompleteDataOutputs(a), (DataOutputs{"readiness_scores"}));
  for (const Dimension& d : Dimensions()) {
    for (SwotKind k : {SwotKind::kStrength, SwotKind::kWeakness, SwotKind::kOpportunity}) {
      a.swot.push_back({0, std::string(d.key), k, "butir"});
    }
  }
  EXPECT_EQ(CompleteDataOutputs(a).count("swot"), 0u);  // no threats yet
  for (const Dimension& d : Dimensions()) a.swot.push_back({0, std::string(d.key), SwotKind::kThreat, "butir"});
  EXPECT_EQ(CompleteDataOutputs(a), (DataOutputs{"readiness_scores", "swot"}));
  a.scores.pop_back();
  a.summary = Summarise(a.scores);
  EXPECT_EQ(CompleteDataOutputs(a), (DataOutputs{"swot"}));
}

}  // namespace
}  // namespace kc::masterplan
