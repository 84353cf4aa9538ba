#pragma once

#include <optional>
#include <string>
#include <vector>

#include "daemon/common/expected.hpp"

namespace crmsync::app {

enum class Command { run, once, check, plugins, describe, version, help, outbox, merge, unmerge, resolve };

// What the user asked for on the command line.
struct CommandLine {
  Command command = Command::run;
  std::string config_path;  // --config, else $CRMSYNC_CONFIG, else /etc/crmsync/crmsync.yaml
  std::string describe_name;
  std::vector<long long> customer_ids;  // merge INTO FROM, unmerge CUSTOMER
  std::string reason;                   // --reason, for merge and unmerge
  std::string actor;                    // --actor, else $SUDO_USER, $USER or "cli"
  std::string usage;                    // the help text, for `help` and usage errors

  // Parses argv; an error says what was wrong and ends with the usage text.
  static Expected<CommandLine, std::string> parse(int argc, const char* const* argv);
};

}  // namespace crmsync::app
