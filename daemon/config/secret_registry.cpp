#include "daemon/config/secret_registry.hpp"

#include <mutex>

namespace crmsync::config {

void SecretRegistry::add(std::string_view secret) {
  if (secret.size() < kMinimumLength) return;
  const std::unique_lock lock(mutex_);
  secrets_.emplace(secret);
}

std::string SecretRegistry::redact(std::string_view text) const {
  std::string out(text);
  const std::shared_lock lock(mutex_);
  for (const std::string& secret : secrets_) {
    std::size_t pos = out.find(secret);
    while (pos != std::string::npos) {
      out.replace(pos, secret.size(), "***");
      pos = out.find(secret, pos + 3);
    }
  }
  return out;
}

std::size_t SecretRegistry::size() const {
  const std::shared_lock lock(mutex_);
  return secrets_.size();
}

}  // namespace crmsync::config
