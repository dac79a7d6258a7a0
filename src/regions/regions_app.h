// Wiring of the regions module into the application: routes, demo and CLI commands. Header-only
// on purpose: it is compiled into kc_app (app/modules.cpp), so kc_regions never depends on
// kc_app and its tests link without it.
#pragma once

#include <spdlog/spdlog.h>

#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>

#include "app/app_context.h"
#include "app/commands.h"
#include "regions/area_source.h"
#include "regions/region_commands.h"
#include "regions/regions_module.h"

namespace kc::regions {

// Registers the routes and loads the boundary index. A bad KOTACERDAS_COASTAL_TOLERANCE_M or an
// unreadable boundary table ends the process at start (error policy: bad config fails fast).
inline void RegisterAppRoutes(http::Router& router, app::AppContext& ctx) {
  if (Status st = RegisterRoutes(router, ctx.db); !st.ok()) {
    spdlog::critical("regions module: {}", st.error().message.en);
    std::cerr << "kotacerdas: " << st.error().message.id << "\n";
    std::exit(1);
  }
}

inline Status RunAppDemo(app::AppContext& ctx) { return RunDemo(ctx.db, std::cout); }

// `areas import`, `region add|list`, `boundaries import`.
inline void AddAppCommands(app::Commands& commands) {
  struct Options {
    std::string source{kDefaultAreaSource};
    std::string code, slug, timezone;
    std::string file, level;
  };
  auto o = std::make_shared<Options>();  // bound by CLI11; kept alive by the command functions

  auto* areas = commands.Group("areas", "Data wilayah (provinsi..kelurahan) dari idn-area-data");
  commands.Add(areas, "import", "Impor/ganti data wilayah dari CSV idn-area-data",
               [o](app::AppContext& ctx) { return RunAreasImport(ctx.db, o->source, std::cout); })
      ->add_option("--source", o->source, "Folder with provinces/regencies/districts/villages.csv")
      ->capture_default_str();

  auto* region = commands.Group("region", "Region (kabupaten/kota) yang memakai kotacerdas");
  auto* add = commands.Add(region, "add", "Tambah region untuk kode kabupaten/kota, mis. 71.71",
                           [o](app::AppContext& ctx) {
                             AddRegionRequest r{.code = o->code};
                             if (!o->slug.empty()) r.slug = o->slug;
                             if (!o->timezone.empty()) r.timezone = o->timezone;
                             return RunRegionAdd(ctx.db, r, std::cout);
                           });
  add->add_option("code", o->code, "Kabupaten/kota code, e.g. 71.71")->required();
  add->add_option("--slug", o->slug, "URL name (default: from the name, e.g. manado)");
  add->add_option("--timezone", o->timezone, "WIB, WITA or WIT (default: from the province)");
  commands.Add(region, "list", "Daftar region",
               [](app::AppContext& ctx) { return RunRegionList(ctx.db, std::cout); });

  auto* boundaries = commands.Group("boundaries", "Batas wilayah (GeoJSON)");
  auto* imp = commands.Add(boundaries, "import", "Impor batas wilayah dari GeoJSON RFC 7946",
                           [o](app::AppContext& ctx) {
                             return RunBoundariesImport(ctx.db, o->file, o->level, std::cout);
                           });
  imp->add_option("file", o->file, "GeoJSON FeatureCollection with code and name properties")
      ->required();
  imp->add_option("--level", o->level, "kecamatan, kelurahan or kabkota")->required();
}

}  // namespace kc::regions
