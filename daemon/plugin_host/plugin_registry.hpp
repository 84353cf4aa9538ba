#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "daemon/plugin_host/loaded_plugin.hpp"
#include "daemon/plugin_host/plugin_loader.hpp"

namespace crmsync::plugin_host {

// A plugin file that was not loaded, and why.
struct PluginRefusal {
  std::filesystem::path path;
  std::string reason;
};

// Every plugin loaded from the plugin directory, by name. A refused file is
// recorded and the others load on; a rescan loads files added since.
class PluginRegistry {
 public:
  explicit PluginRegistry(PluginLoader loader);
  // The daemon's registry: files must belong to root or the user it runs as.
  static PluginRegistry for_this_process();

  // Loads every *.so in `directory` not loaded yet. Returns the refusals of this scan.
  std::vector<PluginRefusal> scan(const std::filesystem::path& directory);

  [[nodiscard]] std::shared_ptr<LoadedPlugin> find(const std::string& name) const;
  [[nodiscard]] std::vector<std::shared_ptr<LoadedPlugin>> plugins() const;  // sorted by name
  [[nodiscard]] const std::vector<PluginRefusal>& refusals() const { return refusals_; }

 private:
  PluginLoader loader_;
  std::map<std::string, std::shared_ptr<LoadedPlugin>> by_name_;
  std::map<std::filesystem::path, std::string> loaded_paths_;
  std::vector<PluginRefusal> refusals_;
};

}  // namespace crmsync::plugin_host
