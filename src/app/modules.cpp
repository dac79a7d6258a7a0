#include "app/modules.h"

#include "accounts/accounts_app.h"
#include "community/community_app.h"
#include "masterplan/masterplan_app.h"
#include "regions/regions_app.h"
#include "reports/reports_app.h"

namespace kc::app {

void RegisterModuleRoutes(http::Router& router, AppContext& ctx) {
  regions::RegisterAppRoutes(router, ctx);
  accounts::RegisterAppRoutes(router, ctx);
  reports::RegisterAppRoutes(router, ctx);
  masterplan::RegisterAppRoutes(router, ctx);
  community::RegisterAppRoutes(router, ctx);
}

Status RunModuleDemos(AppContext& ctx) {
  KC_RETURN_IF_ERROR(regions::RunAppDemo(ctx));
  KC_RETURN_IF_ERROR(accounts::RunAppDemo(ctx));
  KC_RETURN_IF_ERROR(reports::RunAppDemo(ctx));
  KC_RETURN_IF_ERROR(masterplan::RunAppDemo(ctx));
  KC_RETURN_IF_ERROR(community::RunAppDemo(ctx));
  return Ok();
}

void AddModuleCommands(Commands& commands) {
  regions::AddAppCommands(commands);
  accounts::AddAppCommands(commands);
  reports::AddAppCommands(commands);
  masterplan::AddAppCommands(commands);
  community::AddAppCommands(commands);
}

}  // namespace kc::app
