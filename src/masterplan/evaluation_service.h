// Evaluation rounds and the regions' scores per round (step 5 of issue 8). Rounds are national
// (two a year since 2023: Tahap I around June, Tahap II around November) and carry their
// weights; an evaluator enters the five components per region in total and per dimension; the
// weighted index is computed (evaluation.h) and stored, and recomputed when a round's weights
// change. Write functions run inside one Database::Write and store nothing on error.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "masterplan/evaluation.h"
#include "masterplan/masterplan_service.h"

namespace kc::masterplan {

struct EvaluationRound {
  int64_t id = 0;
  int year = 0;
  int round = 1;  // 1 or 2
  Weights weights;
};

struct EvaluationScore {
  std::string dimension;  // empty: the region's total
  Components components;
  int index = 0;  // hundredths
};

// One region's result in one round.
struct EvaluationResult {
  EvaluationRound round;
  std::optional<EvaluationScore> total;
  std::vector<EvaluationScore> dimensions;
  std::optional<int> improvement;  // total index minus the previous round's, hundredths
  std::string evaluated_by, evaluated_at;
};

Result<std::vector<EvaluationRound>> ListRounds(store::Connection& conn);
// Errors: "year"/"round"/"weights.*" field errors; kConflict "round_exists".
Result<EvaluationRound> CreateRound(store::Connection& conn, const WriteContext& ctx, EvaluationRound round);
// Changes the weights and recomputes every index of the round. kNotFound "round_not_found".
Result<EvaluationRound> SetRoundWeights(store::Connection& conn, const WriteContext& ctx, int64_t round_id,
                                        const Weights& weights);
// Replaces ctx.region_code's scores in the round: `total` required, dimensions optional
// (keys reference.h). Field errors "total.<component>", "dimensions.<key>.<component>".
Result<EvaluationResult> SetEvaluation(store::Connection& conn, const WriteContext& ctx, int64_t round_id,
                                       const Components& total,
                                       const std::map<std::string, Components>& dimensions);
// The region's results, oldest round first, with the improvement over the previous round.
Result<std::vector<EvaluationResult>> EvaluationHistory(store::Connection& conn, std::string_view region_code);

}  // namespace kc::masterplan
