#pragma once

#include <map>
#include <optional>
#include <string>

#include "daemon/config/reference_resolver.hpp"

namespace crmsync::config::testing {

// An environment for ReferenceResolver that tests fill in, so they never
// depend on or change the real process environment.
inline ReferenceResolver::EnvironmentLookup fake_environment(std::map<std::string, std::string> variables) {
  return [variables = std::move(variables)](const std::string& name) -> std::optional<std::string> {
    const auto it = variables.find(name);
    if (it == variables.end()) return std::nullopt;
    return it->second;
  };
}

}  // namespace crmsync::config::testing
