// The list of domain modules the application is made of. Adding a module means adding one
// line to each function in modules.cpp.
#pragma once

#include "app/app_context.h"
#include "app/commands.h"

namespace kc::app {

// Every module's routes (the system routes and web fallback are added by RegisterAllRoutes).
void RegisterModuleRoutes(http::Router& router, AppContext& ctx);
// Every module's demo data, in dependency order (regions before reports, ...).
Status RunModuleDemos(AppContext& ctx);
// Every module's CLI subcommands.
void AddModuleCommands(Commands& commands);

}  // namespace kc::app
