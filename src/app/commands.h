// Module subcommands of the kotacerdas CLI (e.g. `areas import`, `region add`, `user add`).
// A module adds its commands in its Add*Commands function, listed in modules.cpp.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

#include "app/app_context.h"

namespace kc::app {

using CommandFn = std::function<Status(AppContext&)>;

class Commands {
 public:
  Commands(CLI::App& root, AppConfig& config) : root_(root), config_(config) {}

  // Adds `name` (under `parent`, or the root when null) that opens the migrated database and
  // runs `fn` once the command line is parsed. Options are added to the returned CLI::App and
  // must bind to variables that outlive parsing. The data-dir option is added here.
  CLI::App* Add(CLI::App* parent, const std::string& name, const std::string& help, CommandFn fn);
  // A group such as `areas` or `user` that only holds subcommands.
  CLI::App* Group(const std::string& name, const std::string& help);

  // Runs the selected command, if it is one of ours. Returns nullopt when none was selected.
  std::optional<int> RunSelected();
  AppConfig& config() { return config_; }

 private:
  CLI::App& root_;
  AppConfig& config_;
  std::vector<std::pair<CLI::App*, CommandFn>> commands_;
};

// Adds the data-dir option (with its environment variable) to a command.
void AddDataDirOption(CLI::App* cmd, AppConfig& cfg);

}  // namespace kc::app
