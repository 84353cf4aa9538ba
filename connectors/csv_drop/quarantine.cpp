#include "quarantine.hpp"

#include <fstream>
#include <utility>

#include "unique_move.hpp"

namespace crmsync::csv_drop {

Quarantine::Quarantine(std::filesystem::path directory) : directory_(std::move(directory)) {}

std::optional<std::filesystem::path> Quarantine::put(const std::filesystem::path& file,
                                                     const std::string& reason, std::string& error) const {
  auto moved = move_without_overwrite(file, directory_, error);
  if (!moved) return std::nullopt;
  std::filesystem::path reason_file = *moved;
  reason_file += ".reason";
  std::ofstream out(reason_file, std::ios::trunc);
  out << reason << '\n';
  out.close();
  if (!out) {
    error = "moved to " + moved->string() + " but cannot write " + reason_file.string();
    return std::nullopt;
  }
  return moved;
}

}  // namespace crmsync::csv_drop
