// Wiring of the community module into the application: routes and demo data. Header-only on
// purpose (like reports/reports_app.h): compiled into kc_app, so kc_community never depends on
// kc_app and its tests link without it.
#pragma once

#include <spdlog/spdlog.h>

#include <cstdlib>
#include <iostream>

#include "app/app_context.h"
#include "app/commands.h"
#include "community/community_module.h"

namespace kc::community {

// Registers the routes. A module that cannot start ends the process (bad config fails fast).
inline void RegisterAppRoutes(http::Router& router, app::AppContext& ctx) {
  if (Status st = RegisterRoutes(router, ctx.db); !st.ok()) {
    spdlog::critical("community module: {}", st.error().message.en);
    std::cerr << "kotacerdas: " << st.error().message.id << "\n";
    std::exit(1);
  }
}

inline Status RunAppDemo(app::AppContext& ctx) { return RunDemo(ctx.db, std::cout); }

// No CLI commands (the roster is managed through the API and the demo).
inline void AddAppCommands(app::Commands& /*commands*/) {}

}  // namespace kc::community
