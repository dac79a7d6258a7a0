// The regions module's long-lived parts, shared by its routes and by other modules (reports
// routes a citizen report with Locate). One instance per database, made by GetModule.
#pragma once

#include <memory>
#include <string_view>

#include "http/router.h"
#include "regions/area_lookup.h"
#include "regions/boundary_layer.h"
#include "regions/region_service.h"
#include "regions/region_store_sqlite.h"
#include "store/database.h"

namespace kc::regions {

class RegionsModule {
 public:
  // Borrows `db`, which must outlive the module. Does not load boundaries (GetModule does).
  RegionsModule(store::Database& db, LookupConfig config);

  // Point -> areas, see AreaLookup::Locate; `region` is a kab/kota code or empty. Thread-safe.
  Result<AreaMatch> Locate(std::string_view region, double lat, double lon) {
    return lookup_.Locate(region, lat, lon);
  }

  RegionStore& store() { return store_; }
  RegionService& service() { return service_; }
  AreaLookup& lookup() { return lookup_; }
  BoundaryLayers& layers() { return layers_; }

 private:
  SqliteRegionStore store_;
  RegionService service_;
  AreaLookup lookup_;
  BoundaryLayers layers_;
};

// The module for `db`: created on the first call (configuration from LookupConfig::FromEnv,
// boundaries loaded into the lookup), the same instance afterwards while anyone holds it.
// Errors: a bad KOTACERDAS_COASTAL_TOLERANCE_M; storage errors while loading boundaries.
// Thread-safe.
Result<std::shared_ptr<RegionsModule>> GetModule(store::Database& db);

// Registers the module's routes (regions, areas, boundaries, OPDs, geo lookup); the routes keep
// the module alive. Called once at server start. Aborts the start (returns the error) when the
// module cannot be created.
Status RegisterRoutes(http::Router& router, store::Database& db);

// Route groups, one per file (region_routes.cpp, opd_routes.cpp, lookup_routes.cpp).
void AddRegionRoutes(http::Router& router, std::shared_ptr<RegionsModule> module);
void AddOpdRoutes(http::Router& router, std::shared_ptr<RegionsModule> module);
void AddLookupRoutes(http::Router& router, std::shared_ptr<RegionsModule> module);

}  // namespace kc::regions
