#include "daemon/plugin_host/credential_secrets.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace crmsync::plugin_host {
namespace {

std::filesystem::path directory_from_environment() {
  const char* dir = std::getenv("CREDENTIALS_DIRECTORY");  // NOLINT(concurrency-mt-unsafe): read at start-up
  return dir != nullptr ? std::filesystem::path(dir) : std::filesystem::path();
}

bool is_plain_name(const std::string& name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](unsigned char c) {
    return std::isalnum(c) != 0 || c == '_' || c == '-' || c == '.';
  }) && name.front() != '.';
}

}  // namespace

CredentialSecrets::CredentialSecrets() : directory_(directory_from_environment()) {}

CredentialSecrets::CredentialSecrets(std::filesystem::path credentials_directory)
    : directory_(std::move(credentials_directory)) {}

std::optional<std::string> CredentialSecrets::get(const std::string& name) const {
  if (!is_plain_name(name)) return std::nullopt;  // no path tricks out of the directory
  if (!directory_.empty()) {
    std::ifstream in(directory_ / name, std::ios::binary);
    if (in) {
      std::ostringstream content;
      content << in.rdbuf();
      std::string value = content.str();
      while (!value.empty() && (value.back() == '\n' || value.back() == '\r')) value.pop_back();
      return value;
    }
  }
  std::string variable = "CRMSYNC_SECRET_" + name;
  std::transform(variable.begin(), variable.end(), variable.begin(), [](unsigned char c) {
    return std::isalnum(c) != 0 ? static_cast<char>(std::toupper(c)) : '_';
  });
  if (const char* value = std::getenv(variable.c_str()))
    return std::string(value);  // NOLINT(concurrency-mt-unsafe)
  return std::nullopt;
}

}  // namespace crmsync::plugin_host
