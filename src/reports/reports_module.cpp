#include "reports/reports_module.h"

namespace kc::reports {

Result<OpdNames> ReportsModule::OpdNamesOf(std::string_view region_code) {
  KC_ASSIGN_OR_RETURN(auto opds, regions_->store().ListOpds(region_code));
  OpdNames names;
  for (const auto& o : opds) names[o.id] = o.short_name;
  return names;
}

Status RegisterRoutes(http::Router& router, store::Database& db) {
  KC_ASSIGN_OR_RETURN(auto regions, regions::GetModule(db));
  auto module = std::make_shared<ReportsModule>(db, std::move(regions));
  AddCategoryRoutes(router, module);
  AddReportRoutes(router, module);
  AddOpen311Routes(router, module);
  return Ok();
}

}  // namespace kc::reports
