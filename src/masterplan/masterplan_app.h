// Wiring of the masterplan module into the application: routes, demo data and CLI commands.
// Header-only on purpose (like regions/regions_app.h): compiled into kc_app, so kc_masterplan
// never depends on kc_app and its tests link without it.
#pragma once

#include <spdlog/spdlog.h>

#include <cstdlib>
#include <iostream>

#include "app/app_context.h"
#include "app/commands.h"
#include "masterplan/masterplan_module.h"

namespace kc::masterplan {

// Registers the routes. A regions module that cannot start ends the process (error policy).
inline void RegisterAppRoutes(http::Router& router, app::AppContext& ctx) {
  if (Status st = RegisterRoutes(router, ctx.db); !st.ok()) {
    spdlog::critical("masterplan module: {}", st.error().message.en);
    std::cerr << "kotacerdas: " << st.error().message.id << "\n";
    std::exit(1);
  }
}

// The Manado demo masterplan in Bimtek stage III (masterplan_demo.cpp); runs after the
// regions demo (OPDs) in modules.cpp.
inline Status RunAppDemo(app::AppContext& ctx) { return RunDemo(ctx.db, std::cout); }

// No CLI commands yet.
inline void AddAppCommands(app::Commands& /*commands*/) {}

}  // namespace kc::masterplan
