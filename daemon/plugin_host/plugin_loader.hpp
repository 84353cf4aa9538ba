#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "daemon/common/expected.hpp"
#include "daemon/plugin_host/loaded_plugin.hpp"
#include "daemon/plugin_host/plugin_file_auditor.hpp"

namespace crmsync::plugin_host {

// Loads one plugin library with Boost.DLL and checks it before trusting it:
// file ownership and mode, the exported descriptor, the SDK ABI version, and
// that its factory produces a Connector.
class PluginLoader {
 public:
  explicit PluginLoader(PluginFileAuditor auditor);
  [[nodiscard]] Expected<std::shared_ptr<LoadedPlugin>, std::string> load(
      const std::filesystem::path& file) const;

 private:
  PluginFileAuditor auditor_;
};

}  // namespace crmsync::plugin_host
