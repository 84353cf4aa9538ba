#pragma once

#include "daemon/app/command_line.hpp"
#include "daemon/app/log_setup.hpp"

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

  CommandLine line_;
  LogSetup logs_;
};

}  // namespace crmsync::app
