#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/common/expected.hpp"

namespace crmsync::config {

// The parts of a database URL the config step cares about: which backend,
// where a relative SQLite file lives, and which substrings are passwords.
class DatabaseUrl {
 public:
  // Checks the scheme (sqlite, postgresql, mysql) and makes a relative SQLite
  // path absolute against `base_dir`. Errors never echo the URL.
  [[nodiscard]] static Expected<std::string, std::string> normalize(std::string_view url,
                                                                    const std::filesystem::path& base_dir);

  // Every password the URL carries: "scheme://user:PASSWORD@host/..." and
  // libpq/SOCI style "password=PASSWORD".
  [[nodiscard]] static std::vector<std::string> passwords(std::string_view url);
};

}  // namespace crmsync::config
