#include "daemon/plugin_host/plugin_registry.hpp"

#include <algorithm>
#include <system_error>

#include <fmt/format.h>
#include <unistd.h>

namespace crmsync::plugin_host {

PluginRegistry::PluginRegistry(PluginLoader loader) : loader_(loader) {}

PluginRegistry PluginRegistry::for_this_process() {
  return PluginRegistry(PluginLoader(PluginFileAuditor(geteuid())));
}

std::vector<PluginRefusal> PluginRegistry::scan(const std::filesystem::path& directory) {
  std::vector<PluginRefusal> refused;
  std::error_code error;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(directory, error)) {
    if (entry.path().extension() == ".so") files.push_back(entry.path());
  }
  if (error) {
    refused.push_back({directory, fmt::format("cannot read plugin directory: {}", error.message())});
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    if (loaded_paths_.contains(file)) continue;
    auto plugin = loader_.load(file);
    if (!plugin) {
      refused.push_back({file, plugin.error()});
      continue;
    }
    const std::string name = plugin.value()->name();
    if (auto existing = by_name_.find(name); existing != by_name_.end()) {
      refused.push_back({file, fmt::format("a connector named '{}' is already loaded from {}", name,
                                           existing->second->path().string())});
      continue;
    }
    loaded_paths_.emplace(file, name);
    by_name_.emplace(name, std::move(plugin).value());
  }
  refusals_ = refused;
  return refused;
}

std::shared_ptr<LoadedPlugin> PluginRegistry::find(const std::string& name) const {
  auto it = by_name_.find(name);
  return it == by_name_.end() ? nullptr : it->second;
}

std::vector<std::shared_ptr<LoadedPlugin>> PluginRegistry::plugins() const {
  std::vector<std::shared_ptr<LoadedPlugin>> all;
  all.reserve(by_name_.size());
  for (const auto& [name, plugin] : by_name_) all.push_back(plugin);
  return all;
}

}  // namespace crmsync::plugin_host
