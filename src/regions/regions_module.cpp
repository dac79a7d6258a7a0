#include "regions/regions_module.h"

#include <spdlog/spdlog.h>

#include <map>
#include <mutex>

namespace kc::regions {

RegionsModule::RegionsModule(store::Database& db, LookupConfig config)
    : store_(db), service_(store_), lookup_(store_, config), layers_(store_) {}

Result<std::shared_ptr<RegionsModule>> GetModule(store::Database& db) {
  static std::mutex mu;
  static std::map<store::Database*, std::weak_ptr<RegionsModule>> modules;  // guarded by mu
  std::lock_guard lock(mu);
  if (auto existing = modules[&db].lock()) return existing;
  KC_ASSIGN_OR_RETURN(auto config, LookupConfig::FromEnv());
  auto module = std::make_shared<RegionsModule>(db, config);
  KC_RETURN_IF_ERROR(module->lookup().Reload());
  spdlog::info("regions: {} boundaries indexed, coastal tolerance {} m", module->lookup().size(),
               config.coastal_tolerance_m);
  modules[&db] = module;
  return module;
}

Status RegisterRoutes(http::Router& router, store::Database& db) {
  KC_ASSIGN_OR_RETURN(auto module, GetModule(db));
  AddRegionRoutes(router, module);
  AddOpdRoutes(router, module);
  AddLookupRoutes(router, module);
  return Ok();
}

}  // namespace kc::regions
