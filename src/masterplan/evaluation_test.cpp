// The evaluation index against PRODUCT.md's published figures and the two weight schemes.
#include <gtest/gtest.h>

#include <cstdlib>

#include "masterplan/evaluation.h"

namespace kc::masterplan {
namespace {

struct Case {
  const char* name;
  Components c;
  Weights w;
  int expected;              // exact, half up
  std::optional<int> published;  // PRODUCT.md's figure, within 0,01 of ours
};

TEST(EvaluationIndex, PublishedFiguresAndSchemes) {
  const Case cases[] = {
      // 0.36 + 0.642 + 0.969 + 0.614 + 0.73 = 3.315 exactly -> 3.32; published 3,31 came from
      // unrounded components (PRODUCT.md allows 0,01).
      {"product-1", {{360, 321, 323, 307, 365}}, kWeights2022, 332, 331},
      // 0.384 + 0.636 + 1.059 + 0.726 + 0.67 = 3.475 -> 3.48 as published.
      {"product-2", {{384, 318, 353, 363, 335}}, kWeights2022, 348, 348},
      {"product-1-alt", {{360, 321, 323, 307, 365}}, kWeightsAlternative, 326, std::nullopt},  // 3.257
      {"all-ones", {{100, 100, 100, 100, 100}}, kWeights2022, 100, std::nullopt},
      {"all-fives", {{500, 500, 500, 500, 500}}, kWeightsAlternative, 500, std::nullopt},
      {"outcome-only", {{100, 100, 500, 100, 100}}, kWeights2022, 220, std::nullopt},
      {"half-up", {{101, 100, 100, 100, 100}}, {{50, 50, 0, 0, 0}}, 101, std::nullopt},  // 1.005 -> 1.01
  };
  for (const Case& k : cases) {
    SCOPED_TRACE(k.name);
    Validation v;
    ValidateWeights(k.w, v);
    ValidateComponents(k.c, "", v);
    ASSERT_TRUE(v.ok());
    const int got = WeightedIndex(k.c, k.w);
    EXPECT_EQ(got, k.expected);
    if (k.published) {
      EXPECT_LE(std::abs(got - *k.published), 1);
    }
  }
}

TEST(EvaluationIndex, AlternativeSchemeByHand) {
  // 0.36 + 0.642 + 0.969 + 0.921 + 0.365 = 3.257 -> 3.26
  EXPECT_EQ(WeightedIndex({{360, 321, 323, 307, 365}}, kWeightsAlternative), 326);
}

TEST(EvaluationIndex, WeightsAndScoresValidation) {
  struct W {
    Weights w;
    std::vector<std::string> fields;
  };
  const W ws[] = {{kWeights2022, {}},
                  {{{10, 20, 30, 20, 10}}, {"weights"}},
                  {{{-10, 40, 30, 20, 20}}, {"weights.baseline"}},
                  {{{0, 0, 0, 0, 100}}, {}}};
  for (const W& x : ws) {
    Validation v;
    ValidateWeights(x.w, v);
    std::vector<std::string> fields;
    for (const auto& d : std::move(v).ToError().details) fields.push_back(d.field);
    EXPECT_EQ(fields, x.fields);
  }
  Validation v;
  ValidateComponents({{99, 100, 500, 501, 300}}, "total.", v);
  std::vector<std::string> fields;
  for (const auto& d : std::move(v).ToError().details) fields.push_back(d.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"total.baseline", "total.impact"}));
}

TEST(EvaluationIndex, ScoreParsingAndFormat) {
  EXPECT_EQ(ScoreToHundredths(3.6), 360);
  EXPECT_EQ(ScoreToHundredths(3.65), 365);
  EXPECT_EQ(ScoreToHundredths(1), 100);
  EXPECT_EQ(ScoreToHundredths(5.0), 500);
  EXPECT_FALSE(ScoreToHundredths(3.655));
  EXPECT_FALSE(ScoreToHundredths(0.99));
  EXPECT_FALSE(ScoreToHundredths(5.01));
  EXPECT_EQ(FormatHundredths(331), "3.31");
  EXPECT_EQ(FormatHundredths(305), "3.05");
  EXPECT_EQ(FormatHundredths(500), "5.00");
}

}  // namespace
}  // namespace kc::masterplan
