#include "app/commands.h"

#include <iostream>

namespace kc::app {

void AddDataDirOption(CLI::App* cmd, AppConfig& cfg) {
  cmd->add_option("--data-dir", cfg.data_dir, "Data directory (database, photos)")
      ->envname("KOTACERDAS_DATA_DIR")
      ->capture_default_str();
}

CLI::App* Commands::Add(CLI::App* parent, const std::string& name, const std::string& help,
                        CommandFn fn) {
  CLI::App* cmd = (parent != nullptr ? parent : &root_)->add_subcommand(name, help);
  AddDataDirOption(cmd, config_);
  commands_.emplace_back(cmd, std::move(fn));
  return cmd;
}

CLI::App* Commands::Group(const std::string& name, const std::string& help) {
  CLI::App* group = root_.add_subcommand(name, help);
  group->require_subcommand(1);
  return group;
}

std::optional<int> Commands::RunSelected() {
  for (auto& [cmd, fn] : commands_) {
    if (!cmd->parsed()) continue;
    auto db = OpenDatabase(config_);
    if (!db.ok()) {
      std::cerr << "kotacerdas: " << db.error().message.id << "\n";
      return 1;
    }
    http::Metrics metrics;
    AppContext ctx{config_, **db, metrics};
    Status st = fn(ctx);
    if (!st.ok()) {
      std::cerr << "kotacerdas: " << st.error().message.id << "\n";
      for (const auto& d : st.error().details) {
        std::cerr << "  " << d.field << ": " << d.message.id << "\n";
      }
      return 1;
    }
    return 0;
  }
  return std::nullopt;
}

}  // namespace kc::app
