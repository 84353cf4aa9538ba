#pragma once

#include <string>

#include <yaml-cpp/yaml.h>

#include "daemon/config/daemon_config.hpp"

namespace crmsync::config {

// yaml-cpp marks are 0-based; messages are 1-based like every editor.
[[nodiscard]] SourceLocation location_of(const YAML::Mark& mark, const std::string& file);

// Where a node stands; a node without a mark (built in memory) gives `fallback`.
[[nodiscard]] SourceLocation location_of(const YAML::Node& node, const std::string& file,
                                         const SourceLocation& fallback);

// Where to point for a mapping entry's value: an empty value ("key:") gets
// its mark from the next token, so point at the key instead.
[[nodiscard]] SourceLocation value_location(const YAML::Node& key, const YAML::Node& value,
                                            const std::string& file);

}  // namespace crmsync::config
