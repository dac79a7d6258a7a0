// The evaluation index (monitoring dan evaluasi, PRODUCT.md section 2): five components scored
// 1-5 - Baseline, Output, Outcome, Impact, Quick Win - combined as a weighted mean on 1-5 and
// rounded to two decimals. Weights belong to the evaluation round, not to the code: results
// published for 2022-2024 use 10/20/30/20/20; another published scheme is 10/20/30/30/10.
//
// Arithmetic is exact: components are hundredths (3,60 -> 360), weights whole percent, the
// weighted sum is in ten-thousandths and rounded half up to hundredths once. PRODUCT.md's check
// figures: 3,60/3,21/3,23/3,07/3,65 -> 3,315 exactly, i.e. 3,32 here where the published 3,31
// was computed from unrounded components (PRODUCT.md: "may differ by 0,01");
// 3,84/3,18/3,53/3,63/3,35 -> 3,475 -> 3,48 as published. Pure and thread-safe.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace kc::masterplan {

inline constexpr int kComponentCount = 5;
// "baseline", "output", "outcome", "impact", "quick_win" (the order of the arrays below).
const std::array<std::string_view, kComponentCount>& ComponentKeys();

// Whole percent per component; valid when each is 0..100 and they sum to 100.
struct Weights {
  std::array<int, kComponentCount> percent{};
};
inline constexpr Weights kWeights2022{{10, 20, 30, 20, 20}};
inline constexpr Weights kWeightsAlternative{{10, 20, 30, 30, 10}};

// Component scores in hundredths, each 100..500 (1,00..5,00).
struct Components {
  std::array<int, kComponentCount> hundredths{};
};

// Field errors ("weights.<component>", "weights") into `v`.
void ValidateWeights(const Weights& w, Validation& v);
// Field errors ("<prefix><component>") for scores outside 1..5 into `v`.
void ValidateComponents(const Components& c, std::string_view prefix, Validation& v);

// The weighted index in hundredths (331 = 3,31), rounded half up. Requires valid inputs.
int WeightedIndex(const Components& c, const Weights& w);

// A score given as a JSON number (e.g. 3.6 or 3.65) in hundredths, rounded to the nearest;
// nullopt unless it is within 1..5 with at most two decimals (3.655 is refused).
std::optional<int> ScoreToHundredths(double score);

// "3.31" for 331.
std::string FormatHundredths(int hundredths);

}  // namespace kc::masterplan
