#include "app/modules.h"

namespace kc::app {

void RegisterModuleRoutes(http::Router& /*router*/, AppContext& /*ctx*/) {}

Status RunModuleDemos(AppContext& /*ctx*/) { return Ok(); }

void AddModuleCommands(Commands& /*commands*/) {}

}  // namespace kc::app
