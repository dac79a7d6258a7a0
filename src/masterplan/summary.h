// The national summary of masterplans (GET /api/v1/national/masterplan): one row per region
// with the stage reached, the latest version's status, readiness and maturity averages, the
// latest evaluation index and its trend, programs, budget planned and realised, and progress.
//
// Why a maintained table: computed on demand, 500 regions x 200 programs x 12 periods is an
// aggregate over 1.2 million progress rows and 100 000 programs (hundreds of milliseconds);
// the national view must answer in under 50 ms. So every write that changes what a region's
// row shows calls RefreshRegionSummary inside the same Database::Write (same savepoint: the row
// can never disagree with committed data), which recomputes the row from that one region's data
// (a few thousand indexed rows, about a millisecond). The national read is then a scan of one
// small row per region.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "store/sqlite.h"

namespace kc::masterplan {

struct RegionSummary {
  std::string region_code, region_name, region_type, province_code, province_name;
  bool has_plan = false;  // false: every field below is empty/zero
  int64_t masterplan_id = 0;
  int start_year = 0, end_year = 0;
  int stages_completed = 0;  // Bimtek stages completed, 0..4
  int stage = 0;             // the stage the region is in: completed + 1, at most 4; 0 without plan
  int version_number = 0;
  std::string version_status;
  std::optional<int> readiness_avg, maturity_avg;  // hundredths (367 = 3,67)
  std::optional<int> eval_index, eval_previous;    // hundredths, latest and previous round
  std::string eval_round;                          // "2025-2" (year-round) of eval_index
  int programs = 0;
  int64_t budget_planned = 0, budget_realised = 0;  // rupiah
  int progress = 0;  // hundredths of a percent: mean over programs of the latest realisation
  int quick_wins_final = 0;
  int quick_win_progress = 0;  // mean percent of the final quick wins' latest reports
  std::string latest_period;   // the newest period reported by any program
};

// Sort keys of the national summary.
inline constexpr std::string_view kSummarySortKeys =
    "region, province, stage, readiness, maturity, index, trend, programs, budget_planned, "
    "budget_realised, progress";

struct NationalQuery {
  std::optional<std::string> province;  // province code ("71")
  std::optional<int> stage;             // 0..4 (0: no masterplan yet)
  std::string sort = "region";          // one of kSummarySortKeys
  bool descending = false;
};

// True when `key` is one of kSummarySortKeys.
bool IsSummarySortKey(std::string_view key);

// Recomputes the region's row (deletes it when the region has no masterplan). Runs inside the
// write that changed the region's data. Errors: storage errors.
Status RefreshRegionSummary(store::Connection& conn, std::string_view region_code,
                            std::string_view now);
// Recomputes every region's row: after a bulk load and for evaluation-weight changes.
Status RefreshAllSummaries(store::Connection& conn, std::string_view now);

// Every region (with or without a masterplan) that matches the filters, sorted; regions compare
// by code when the sort key ties; empty values (no plan, no score) sort last either way.
Result<std::vector<RegionSummary>> NationalSummary(store::Connection& conn, const NationalQuery& q);

}  // namespace kc::masterplan
