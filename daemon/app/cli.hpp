#pragma once

#include <memory>
#include <optional>

#include "daemon/app/command_line.hpp"
#include "daemon/app/log_setup.hpp"
#include "daemon/config/daemon_config.hpp"
#include "daemon/store/database.hpp"

namespace crmsync::app {

// Carries out one command line; each command returns the process exit code.
class Cli {
 public:
  explicit Cli(CommandLine line);
  int run();

 private:
  static int print_version();
  int check();
  int list_plugins() const;
  int describe();
  int sync_once();
  int serve();
  int list_outbox();
  // The config with its logging applied; nullopt after printing its problems.
  std::optional<config::DaemonConfig> load_config();
  static std::unique_ptr<store::Database> migrated_database(const config::DaemonConfig& config);
  int merge_customers();
  int unmerge_customer();
  int resolve_customers();

  CommandLine line_;
  LogSetup logs_;
};

}  // namespace crmsync::app
