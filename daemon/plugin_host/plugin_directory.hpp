#pragma once

#include <filesystem>

namespace crmsync::plugin_host {

// Where plugins are loaded from when the config names no directory: lib/crmsync/plugins
// beside the executable's bin/ — /usr/lib/crmsync/plugins when installed, and
// build/<preset>/lib/crmsync/plugins in a build tree.
std::filesystem::path default_plugin_directory();

}  // namespace crmsync::plugin_host
