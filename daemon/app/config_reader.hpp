#pragma once

#include <string>
#include <vector>

#include "daemon/common/expected.hpp"
#include "daemon/config/daemon_config.hpp"

namespace crmsync::app {

// Reads and validates the daemon's config file; problems come back as
// printable "file:line:col: message" lines.
Expected<config::DaemonConfig, std::vector<std::string>> read_config(const std::string& path);

}  // namespace crmsync::app
