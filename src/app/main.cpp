// The kotacerdas command: serve, migrate, demo, backup, version.
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <csignal>
#include <fstream>
#include <iostream>

#include "app/app_context.h"
#include "app/commands.h"
#include "app/modules.h"
#include "app/version.h"
#include "http/server.h"

namespace {

using kc::app::AppConfig;

void AddDataOptions(CLI::App* cmd, AppConfig& cfg) { kc::app::AddDataDirOption(cmd, cfg); }

void AddServeOptions(CLI::App* cmd, AppConfig& cfg) {
  auto& s = cfg.server;
  cmd->add_option("--address", s.address, "Listen address")->envname("KOTACERDAS_ADDRESS")->capture_default_str();
  cmd->add_option("--port", s.port, "Listen port (0: any free port)")->envname("KOTACERDAS_PORT")->capture_default_str();
  cmd->add_option("--threads", s.threads, "I/O threads (0: one per core)")
      ->envname("KOTACERDAS_THREADS")->check(CLI::Range(0, 256))->capture_default_str();
  cmd->add_option("--web-dir", cfg.web_dir, "Built web app directory")->envname("KOTACERDAS_WEB_DIR")->capture_default_str();
  cmd->add_option("--access-log", s.access_log, "Access log: stdout, off, or a file")
      ->envname("KOTACERDAS_ACCESS_LOG")->capture_default_str();
  cmd->add_option("--max-connections", s.max_connections, "Open connections before 503")
      ->envname("KOTACERDAS_MAX_CONNECTIONS")->check(CLI::Range(1, 1000000))->capture_default_str();
  cmd->add_option("--header-limit", s.header_limit, "Largest request header in bytes")
      ->envname("KOTACERDAS_HEADER_LIMIT")->check(CLI::Range(1024, 1 << 20))->capture_default_str();
  auto seconds = [&](const char* name, std::chrono::seconds& field, const char* env, const char* help) {
    cmd->add_option_function<int>(name, [&field](int v) { field = std::chrono::seconds(v); }, help)
        ->envname(env)->check(CLI::Range(1, 3600))->default_str(std::to_string(field.count()));
  };
  seconds("--read-timeout", s.read_timeout, "KOTACERDAS_READ_TIMEOUT", "Seconds to receive a request");
  seconds("--idle-timeout", s.idle_timeout, "KOTACERDAS_IDLE_TIMEOUT", "Seconds a kept-alive connection may idle");
  seconds("--shutdown-grace", s.shutdown_grace, "KOTACERDAS_SHUTDOWN_GRACE", "Seconds in-flight requests get on shutdown");
  cmd->add_option("--read-connections", cfg.read_connections, "Pooled read connections")
      ->envname("KOTACERDAS_READ_CONNECTIONS")->check(CLI::Range(1, 64))->capture_default_str();
  cmd->add_option("--port-file", cfg.port_file, "Write the bound port to this file");
}

void PrintConfig(const AppConfig& cfg) {
  const auto& s = cfg.server;
  spdlog::info("kotacerdas {} config: address={} port={} threads={} data_dir={} web_dir={} "
               "access_log={} max_connections={} header_limit={} read_timeout={}s "
               "idle_timeout={}s shutdown_grace={}s read_connections={}",
               kc::app::kVersion, s.address, s.port, s.threads, cfg.data_dir.string(),
               cfg.web_dir.string(), s.access_log, s.max_connections, s.header_limit,
               s.read_timeout.count(), s.idle_timeout.count(), s.shutdown_grace.count(),
               cfg.read_connections);
}

int Fail(const kc::Error& e) {
  spdlog::error("{}", e.message.en);
  std::cerr << "kotacerdas: " << e.message.id << "\n";
  return 1;
}

int Serve(AppConfig& cfg) {
  PrintConfig(cfg);
  // Block the stop signals before any thread starts so that only sigwait below receives them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  auto db = kc::app::OpenDatabase(cfg);
  if (!db.ok()) return Fail(db.error());
  kc::http::Metrics metrics;
  (*db)->set_observer({.on_commit = [&metrics](auto d, size_t n) { metrics.RecordCommit(d, n); },
                       .on_sync = [&metrics](auto d, size_t) { metrics.RecordSync(d); },
                       .on_read = [&metrics](auto d) { metrics.RecordRead(d); }});
  kc::app::AppContext ctx{cfg, **db, metrics};
  kc::http::Router router;
  kc::app::RegisterAllRoutes(router, ctx);
  kc::http::Server server(cfg.server, router, &metrics);
  if (auto st = server.Start(); !st.ok()) return Fail(st.error());
  if (!cfg.port_file.empty()) std::ofstream(cfg.port_file) << server.port() << "\n";
  spdlog::info("kotacerdas listening on http://{}:{}", cfg.server.address, server.port());
  int sig = 0;
  sigwait(&signals, &sig);
  spdlog::info("signal {} received: finishing in-flight requests", sig);
  server.Stop();
  server.Wait();
  spdlog::info("stopped");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %^%l%$ %v", spdlog::pattern_time_type::utc);
  CLI::App app{"kotacerdas: platform kota cerdas untuk pemerintah daerah"};
  app.require_subcommand(1);
  AppConfig cfg;

  // The config file belongs to the root so that CLI11 reads it for every subcommand; serve's
  // keys go in a [serve] section. `serve --config FILE` works too (fallthrough to the root).
  app.set_config("--config", "", "Configuration file (TOML/INI; serve's keys under [serve])")
      ->envname("KOTACERDAS_CONFIG");
  auto* serve = app.add_subcommand("serve", "Start the HTTP server");
  serve->fallthrough();
  AddDataOptions(serve, cfg);
  AddServeOptions(serve, cfg);

  auto* migrate = app.add_subcommand("migrate", "Apply pending schema migrations and exit");
  AddDataOptions(migrate, cfg);

  auto* demo = app.add_subcommand("demo", "Create the demo region and its data (idempotent)");
  AddDataOptions(demo, cfg);

  std::string backup_file;
  auto* backup = app.add_subcommand("backup", "Copy the live database to FILE (safe while serving)");
  AddDataOptions(backup, cfg);
  backup->add_option("file", backup_file, "Destination file")->required();

  app.add_subcommand("version", "Print the version");

  kc::app::Commands commands(app, cfg);
  kc::app::AddModuleCommands(commands);

  CLI11_PARSE(app, argc, argv);

  if (auto code = commands.RunSelected()) return *code;
  if (*serve) return Serve(cfg);
  if (app.got_subcommand("version")) {
    std::cout << "kotacerdas " << kc::app::kVersion << "\n";
    return 0;
  }
  if (*migrate) {
    auto db = kc::app::OpenDatabase(cfg, /*migrate=*/true);
    if (!db.ok()) return Fail(db.error());
    std::cout << "migrations current: " << kc::app::DatabasePath(cfg).string() << "\n";
    return 0;
  }
  if (*backup) {
    auto db = kc::app::OpenDatabase(cfg, /*migrate=*/false);
    if (!db.ok()) return Fail(db.error());
    if (std::filesystem::exists(backup_file)) {
      std::cerr << "kotacerdas: berkas tujuan sudah ada / destination exists: " << backup_file << "\n";
      return 1;
    }
    if (auto st = (*db)->Backup(backup_file); !st.ok()) return Fail(st.error());
    std::cout << "backup written: " << backup_file << "\n";
    return 0;
  }
  if (*demo) {
    auto db = kc::app::OpenDatabase(cfg);
    if (!db.ok()) return Fail(db.error());
    kc::http::Metrics metrics;
    kc::app::AppContext ctx{cfg, **db, metrics};
    if (auto st = kc::app::RunDemo(ctx); !st.ok()) return Fail(st.error());
    return 0;
  }
  return 0;
}
