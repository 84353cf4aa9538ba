#pragma once

#include <cstddef>
#include <set>
#include <shared_mutex>
#include <string>
#include <string_view>

namespace crmsync::config {

// Every secret value the daemon knows (credentials, files referenced from the
// config, secret options, the database password), so log lines and error
// messages can be scrubbed before they leave the process. Thread-safe.
class SecretRegistry {
 public:
  // Shorter values would match inside ordinary words and redact everything.
  static constexpr std::size_t kMinimumLength = 4;

  // Ignores values shorter than kMinimumLength.
  void add(std::string_view secret);

  // `text` with every occurrence of every known secret replaced by "***".
  [[nodiscard]] std::string redact(std::string_view text) const;

  [[nodiscard]] std::size_t size() const;

 private:
  // Longest first, so a secret that contains another is replaced whole.
  struct LongestFirst {
    bool operator()(const std::string& a, const std::string& b) const {
      return a.size() != b.size() ? a.size() > b.size() : a < b;
    }
  };

  mutable std::shared_mutex mutex_;
  std::set<std::string, LongestFirst> secrets_;
};

}  // namespace crmsync::config
