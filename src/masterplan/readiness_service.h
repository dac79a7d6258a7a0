// Use cases of readiness (stage I) and maturity/direction (stage II) on the latest version of
// a masterplan. Same conventions as masterplan_service.h: write functions run inside one
// Database::Write, validate everything first and store nothing on error; edits go to the draft
// (a published version gets a new draft, a version in review or approved is "version_locked").
#pragma once

#include <vector>

#include "masterplan/masterplan_service.h"
#include "masterplan/readiness.h"

namespace kc::masterplan {

// The analysis of one version: scores with their averages, SWOT, maturity, directions.
struct Analysis {
  int version = 0;
  std::vector<ReadinessScore> scores;
  ReadinessSummary summary;
  std::vector<SwotItem> swot;
  std::vector<MaturityLevel> maturity;
  std::vector<DimensionDirection> directions;
};

// The latest version's analysis; `published` selects the newest published version instead
// (kNotFound "not_published" when there is none).
Result<Analysis> GetAnalysis(store::Connection& conn, std::string_view region_code, int64_t plan_id,
                             bool published = false);

// Sets (inserts or replaces) scores; all are validated first, field names "scores[i].<field>".
Result<Analysis> SetScores(store::Connection& conn, const WriteContext& ctx, int64_t plan_id,
                           const std::vector<ReadinessScore>& scores);
Result<Analysis> AddSwot(store::Connection& conn, const WriteContext& ctx, int64_t plan_id,
                         const SwotItem& item);
// kNotFound "swot_not_found" for an unknown number.
Result<Analysis> RemoveSwot(store::Connection& conn, const WriteContext& ctx, int64_t plan_id, int no);
// Level 1..5 with evidence for one element of a dimension.
Result<Analysis> SetMaturity(store::Connection& conn, const WriteContext& ctx, int64_t plan_id,
                             const MaturityLevel& level);
// Replaces the direction texts of one dimension.
Result<Analysis> SetDirection(store::Connection& conn, const WriteContext& ctx, int64_t plan_id,
                              const DimensionDirection& direction);

// The data outputs (bimtek.h) complete in `analysis`: "readiness_scores" when all 54
// sub-aspects are scored, "swot" when every dimension has a strength, weakness, opportunity and
// threat.
DataOutputs CompleteDataOutputs(const Analysis& analysis);

}  // namespace kc::masterplan
