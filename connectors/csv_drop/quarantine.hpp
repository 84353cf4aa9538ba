#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace crmsync::csv_drop {

// The place for files that cannot be read at all. Each file moved there gets
// a "<name>.reason" file beside it saying why, for the operator and partner.
class Quarantine {
 public:
  explicit Quarantine(std::filesystem::path directory);

  // Moves `file` in and writes its reason. Returns the new path, or nothing
  // with `error` set.
  std::optional<std::filesystem::path> put(const std::filesystem::path& file, const std::string& reason,
                                           std::string& error) const;

 private:
  std::filesystem::path directory_;
};

}  // namespace crmsync::csv_drop
