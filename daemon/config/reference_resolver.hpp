#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "daemon/common/expected.hpp"
#include "daemon/config/secret_registry.hpp"

namespace crmsync::config {

// Expands the references a config string may contain, alone or inside a
// longer text ("postgresql://crm:${credential:dbpass}@127.0.0.1/crm"):
//   ${env:NAME}         an environment variable
//   ${file:PATH}        a file's contents without the trailing newline;
//                       a relative PATH resolves against the config's directory
//   ${credential:NAME}  $CREDENTIALS_DIRECTORY/NAME, as systemd's LoadCredential= provides
//   $${                 a literal "${"
// Values read from files and credentials are registered as secrets. Errors
// name the reference, never a value.
class ReferenceResolver {
 public:
  using EnvironmentLookup = std::function<std::optional<std::string>(const std::string& name)>;

  // `secrets` must outlive the resolver.
  ReferenceResolver(std::filesystem::path base_dir, EnvironmentLookup environment, SecretRegistry& secrets);

  // Reads the real process environment.
  [[nodiscard]] static EnvironmentLookup process_environment();

  [[nodiscard]] Expected<std::string, std::string> resolve(std::string_view text) const;

 private:
  [[nodiscard]] Expected<std::string, std::string> expand(std::string_view reference) const;
  [[nodiscard]] Expected<std::string, std::string> environment_variable(const std::string& name) const;
  [[nodiscard]] Expected<std::string, std::string> file_contents(const std::string& path) const;
  [[nodiscard]] Expected<std::string, std::string> credential(const std::string& name) const;

  std::filesystem::path base_dir_;
  EnvironmentLookup environment_;
  SecretRegistry& secrets_;
};

}  // namespace crmsync::config
