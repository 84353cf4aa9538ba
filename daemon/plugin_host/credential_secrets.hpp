#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "crmsync/sdk/host.hpp"

namespace crmsync::plugin_host {

// Secrets by name: a file in systemd's $CREDENTIALS_DIRECTORY (LoadCredential=)
// first, then the environment variable CRMSYNC_SECRET_<NAME>.
class CredentialSecrets final : public sdk::Secrets {
 public:
  CredentialSecrets();
  explicit CredentialSecrets(std::filesystem::path credentials_directory);
  [[nodiscard]] std::optional<std::string> get(const std::string& name) const override;

 private:
  std::filesystem::path directory_;
};

}  // namespace crmsync::plugin_host
