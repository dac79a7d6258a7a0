// What every module's routes and demo data get from the application: storage, metrics and
// configuration. Modules register their routes through RegisterRoutes functions (one per
// module, called from routes.cpp) and their demo data through demo steps.
#pragma once

#include <filesystem>
#include <string>

#include "http/metrics.h"
#include "http/router.h"
#include "store/database.h"

namespace kc::app {

struct AppConfig {
  std::filesystem::path data_dir = "data";
  std::filesystem::path web_dir = "web/dist";
  http::ServerConfig server;
  int read_connections = 4;
  std::string port_file;  // when set, the bound port is written here (tests, scripts)
};

struct AppContext {
  const AppConfig& config;
  store::Database& db;
  http::Metrics& metrics;
};

// The database file inside the data directory.
std::filesystem::path DatabasePath(const AppConfig& config);

// Opens (and migrates) the database of `config`, creating the data directory.
Result<std::unique_ptr<store::Database>> OpenDatabase(const AppConfig& config, bool migrate = true);

// Registers every module's routes, the system routes and the static web app fallback.
void RegisterAllRoutes(http::Router& router, AppContext& ctx);

// Creates the demo region and its data; idempotent. Prints what it created.
Status RunDemo(AppContext& ctx);

}  // namespace kc::app
