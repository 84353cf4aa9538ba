#include "daemon/plugin_host/plugin_directory.hpp"

#include <boost/dll/runtime_symbol_info.hpp>

namespace crmsync::plugin_host {

std::filesystem::path default_plugin_directory() {
  boost::dll::fs::error_code error;
  const auto program = boost::dll::program_location(error);
  if (error) return "/usr/lib/crmsync/plugins";
  const std::filesystem::path bin = std::filesystem::path(program.string()).parent_path();
  return bin.parent_path() / "lib" / "crmsync" / "plugins";
}

std::filesystem::path plugin_directory_of(const config::DaemonConfig& config) {
  return config.plugin_directory.empty() ? default_plugin_directory() : config.plugin_directory;
}

}  // namespace crmsync::plugin_host
