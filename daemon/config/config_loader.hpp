#pragma once

#include <filesystem>
#include <string>

#include "daemon/common/expected.hpp"
#include "daemon/config/config_error.hpp"
#include "daemon/config/daemon_config.hpp"
#include "daemon/config/reference_resolver.hpp"

namespace crmsync::config {

// Reads the daemon's YAML file into a DaemonConfig, checking the daemon's own
// schema strictly (unknown keys, wrong types and missing keys are errors) and
// reporting every problem at once, each with file:line:col. Connector
// `options` are kept raw for OptionValidator, which needs the plugin's spec.
class ConfigLoader {
 public:
  explicit ConfigLoader(
      ReferenceResolver::EnvironmentLookup environment = ReferenceResolver::process_environment());

  // Relative paths in the file resolve against the file's directory.
  [[nodiscard]] Expected<DaemonConfig, ConfigErrors> load(const std::filesystem::path& file) const;

  // For tests and stdin: `display_name` is the file name used in messages,
  // `base_dir` the directory relative paths resolve against.
  [[nodiscard]] Expected<DaemonConfig, ConfigErrors> load_from_string(
      const std::string& text, const std::string& display_name, const std::filesystem::path& base_dir) const;

 private:
  ReferenceResolver::EnvironmentLookup environment_;
};

}  // namespace crmsync::config
