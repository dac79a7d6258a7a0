// Wiring of the reports module into the application: routes and demo data. Header-only on
// purpose (like regions/regions_app.h): compiled into kc_app, so kc_reports never depends on
// kc_app and its tests link without it.
#pragma once

#include <spdlog/spdlog.h>

#include <cstdlib>
#include <iostream>

#include "app/app_context.h"
#include "app/commands.h"
#include "reports/reports_module.h"

namespace kc::reports {

// Registers the routes. A regions module that cannot start ends the process (bad config fails
// fast, as in regions_app.h).
inline void RegisterAppRoutes(http::Router& router, app::AppContext& ctx) {
  if (Status st = RegisterRoutes(router, ctx.db); !st.ok()) {
    spdlog::critical("reports module: {}", st.error().message.en);
    std::cerr << "kotacerdas: " << st.error().message.id << "\n";
    std::exit(1);
  }
}

inline Status RunAppDemo(app::AppContext& ctx) { return RunDemo(ctx.db, std::cout); }

// No CLI commands yet (categories are managed through the demo and the API).
inline void AddAppCommands(app::Commands& /*commands*/) {}

}  // namespace kc::reports
