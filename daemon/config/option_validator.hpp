#pragma once

#include <string>

#include <yaml-cpp/yaml.h>

#include "crmsync/sdk/config_spec.hpp"
#include "crmsync/sdk/config_value.hpp"

#include "daemon/common/expected.hpp"
#include "daemon/config/config_error.hpp"
#include "daemon/config/daemon_config.hpp"
#include "daemon/config/reference_resolver.hpp"
#include "daemon/config/secret_registry.hpp"

namespace crmsync::config {

// Checks one instance's raw `options` against its connector's ConfigSpec,
// once at load, and turns them into the sdk::ConfigValue the plugin receives:
// unknown keys (with a spelling hint), missing required options and mistyped
// values are reported together with file:line:col; defaults are filled in,
// references resolved, paths made absolute, durations given in seconds,
// booleans as "true"/"false". Values of secret options are registered in the
// SecretRegistry and never appear in a message.
class OptionValidator {
 public:
  explicit OptionValidator(
      ReferenceResolver::EnvironmentLookup environment = ReferenceResolver::process_environment());

  // `file` names the config file in messages; `instance_location` is where
  // missing options are reported when there is no `options` mapping;
  // relative paths and ${file:..} references resolve against `base_dir`.
  [[nodiscard]] Expected<sdk::ConfigValue, ConfigErrors> validate(
      const YAML::Node& options, const sdk::ConfigSpec& spec, const std::string& connector,
      const std::string& file, const SourceLocation& instance_location, const std::string& base_dir,
      SecretRegistry& secrets) const;

  // The same for an instance of a loaded DaemonConfig.
  [[nodiscard]] Expected<sdk::ConfigValue, ConfigErrors> validate(const InstanceConfig& instance,
                                                                  const sdk::ConfigSpec& spec,
                                                                  const DaemonConfig& config) const;

 private:
  ReferenceResolver::EnvironmentLookup environment_;
};

}  // namespace crmsync::config
