// Readiness (Bimtek stage I) and maturity (stage II): per dimension, Struktur/Infrastruktur/
// Suprastruktur x 3 sub-aspects scored 1-5 with a justification, SWOT items, a maturity level
// 1-5 per element with evidence, and the direction of each dimension (vision, mission, focus,
// goals, targets, problems, strategies). Types and pure computations; storage in
// readiness_store_sqlite.cpp, use cases in readiness_service.cpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace kc::masterplan {

inline constexpr int kMinScore = 1;
inline constexpr int kMaxScore = 5;
inline constexpr size_t kJustificationMaxChars = 2000;

struct ReadinessScore {
  std::string dimension;   // reference.h keys
  std::string aspect;
  std::string sub_aspect;
  int score = 0;           // 1..5
  std::string justification;
};

enum class SwotKind { kStrength, kWeakness, kOpportunity, kThreat };
// "strength", "weakness", "opportunity", "threat".
std::string_view ToString(SwotKind kind);
std::optional<SwotKind> SwotKindFromString(std::string_view name);

struct SwotItem {
  int no = 0;  // stable number within the plan (kept across versions)
  std::string dimension;
  SwotKind kind = SwotKind::kStrength;
  std::string text;
};

struct MaturityLevel {
  std::string dimension;
  std::string element;
  int level = 0;  // 1..5
  std::string evidence;
};

// The direction of a dimension (stage II); empty strings when not written yet.
struct DimensionDirection {
  std::string dimension;
  std::string vision, mission, focus, goals, targets, problems, strategies;
};

// A mean of scores, exact: sum and count of the scores it covers (count 0: no score yet).
struct Mean {
  int sum = 0;
  int count = 0;
  // The mean rounded half up to two decimals (as printed in the books), e.g. 3.67; 0 if empty.
  double Rounded() const;
};

// Averages of one dimension: per aspect (over its scored sub-aspects) and over all nine.
struct DimensionReadiness {
  std::string dimension;
  std::vector<std::pair<std::string, Mean>> aspects;  // in ReadinessAspects() order
  Mean overall;
  bool complete = false;  // all nine sub-aspects scored
};

struct ReadinessSummary {
  std::vector<DimensionReadiness> dimensions;        // in Dimensions() order
  std::vector<std::pair<std::string, Mean>> aspects;  // each aspect over all dimensions
  Mean overall;
  int scored = 0;    // sub-aspect scores present
  int expected = 0;  // 6 x 9 = 54
};

// The averages of `scores` (unknown keys are ignored; they cannot be stored).
ReadinessSummary Summarise(const std::vector<ReadinessScore>& scores);

// Field errors of one score, with `prefix` (e.g. "scores[2].") before the field names.
void ValidateScore(const ReadinessScore& s, std::string_view prefix, Validation& v);

}  // namespace kc::masterplan
