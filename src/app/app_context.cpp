#include "app/app_context.h"

#include <spdlog/spdlog.h>

#include "app/modules.h"
#include "app/system_routes.h"

namespace kc::app {

std::filesystem::path DatabasePath(const AppConfig& config) {
  return config.data_dir / "kotacerdas.db";
}

Result<std::unique_ptr<store::Database>> OpenDatabase(const AppConfig& config, bool migrate) {
  std::error_code ec;
  std::filesystem::create_directories(config.data_dir, ec);
  if (ec) {
    return Error(ErrorCode::kUnavailable,
                 {"Tidak dapat membuat direktori data " + config.data_dir.string() + ": " + ec.message(),
                  "Cannot create data directory " + config.data_dir.string() + ": " + ec.message()});
  }
  return store::Database::Open({.path = DatabasePath(config).string(),
                                .read_connections = config.read_connections},
                               store::EmbeddedMigrations(), migrate);
}

void RegisterAllRoutes(http::Router& router, AppContext& ctx) {
  RegisterModuleRoutes(router, ctx);
  RegisterSystemRoutes(router, ctx);
}

Status RunDemo(AppContext& ctx) { return RunModuleDemos(ctx); }

}  // namespace kc::app
