#pragma once

#include <string>

#include <yaml-cpp/yaml.h>

#include "crmsync/sdk/config_spec.hpp"

#include "daemon/config/config_error.hpp"
#include "daemon/config/secret_registry.hpp"

namespace crmsync::config {

// Points a problem found by a connector's own validate() at the config file:
// the ConfigProblem's dotted path below `options` ("streams.customers.columns.email",
// "files.2.pattern" or "files[2].pattern") is followed as far as it exists,
// and the error stands at the deepest node found.
class ConfigProblemLocator {
 public:
  // `fallback` is used when not even the first step of the path exists and
  // `options` has no mark. The plugin's message is redacted with `secrets`.
  [[nodiscard]] static ConfigError locate(const YAML::Node& options, const sdk::ConfigProblem& problem,
                                          const std::string& file, const SourceLocation& fallback,
                                          const SecretRegistry& secrets);
};

}  // namespace crmsync::config
