#pragma once

#include <filesystem>

#include "daemon/config/daemon_config.hpp"

namespace crmsync::plugin_host {

// Where plugins are loaded from when the config names no directory: lib/crmsync/plugins
// beside the executable's bin/ — /usr/lib/crmsync/plugins when installed, and
// build/<preset>/lib/crmsync/plugins in a build tree.
std::filesystem::path default_plugin_directory();

// The config's plugins.directory, or the default when it names none.
std::filesystem::path plugin_directory_of(const config::DaemonConfig& config);

}  // namespace crmsync::plugin_host
