// Routing rules: (category, area) -> OPD, most specific wins. Pure; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kc::reports {

struct RoutingRule {
  int64_t id = 0;
  std::string region_code;
  std::string category_code;
  std::string area_code;  // empty: the whole region; else a kecamatan or kelurahan code
  int64_t opd_id = 0;
  std::string created_at;
};

// Why a report went where it went (shown to officers).
enum class RouteBasis { kKelurahanRule, kKecamatanRule, kRegionRule, kCategoryDefault, kNone };

struct RouteDecision {
  std::optional<int64_t> opd_id;  // nullopt: unrouted, the region admin assigns it
  RouteBasis basis = RouteBasis::kNone;
};

// Picks the OPD for a report of `category_code` located in `kelurahan`/`kecamatan` (either may
// be empty) from `rules` (any order, any category): a rule for the kelurahan, else for the
// kecamatan, else for the whole region, else `category_default`, else none.
RouteDecision PickOpd(const std::vector<RoutingRule>& rules, const std::string& category_code,
                      const std::string& kelurahan, const std::string& kecamatan,
                      std::optional<int64_t> category_default);

}  // namespace kc::reports
