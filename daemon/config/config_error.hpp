#pragma once

#include <string>
#include <vector>

#include "daemon/config/daemon_config.hpp"

namespace crmsync::config {

// One problem in a config file, printed as "file:line:col: message".
// Messages never contain a secret value.
struct ConfigError {
  SourceLocation location;
  std::string message;
  [[nodiscard]] std::string to_string() const;
};

using ConfigErrors = std::vector<ConfigError>;

}  // namespace crmsync::config
