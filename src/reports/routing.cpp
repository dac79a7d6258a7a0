#include "reports/routing.h"

namespace kc::reports {

RouteDecision PickOpd(const std::vector<RoutingRule>& rules, const std::string& category_code,
                      const std::string& kelurahan, const std::string& kecamatan,
                      std::optional<int64_t> category_default) {
  const RoutingRule* by_kelurahan = nullptr;
  const RoutingRule* by_kecamatan = nullptr;
  const RoutingRule* by_region = nullptr;
  for (const auto& r : rules) {
    if (r.category_code != category_code) continue;
    if (r.area_code.empty()) {
      by_region = &r;
    } else if (!kelurahan.empty() && r.area_code == kelurahan) {
      by_kelurahan = &r;
    } else if (!kecamatan.empty() && r.area_code == kecamatan) {
      by_kecamatan = &r;
    }
  }
  if (by_kelurahan) return {by_kelurahan->opd_id, RouteBasis::kKelurahanRule};
  if (by_kecamatan) return {by_kecamatan->opd_id, RouteBasis::kKecamatanRule};
  if (by_region) return {by_region->opd_id, RouteBasis::kRegionRule};
  if (category_default) return {category_default, RouteBasis::kCategoryDefault};
  return {};
}

}  // namespace kc::reports
