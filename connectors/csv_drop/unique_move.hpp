#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace crmsync::csv_drop {

// Moves `file` into `directory` under its own name, or, when that name is
// taken, "<stem>.1<ext>", "<stem>.2<ext>", ...: nothing there is overwritten.
// Works across filesystems (copy, fsync, remove). Returns the new path, or
// nothing with `error` set.
std::optional<std::filesystem::path> move_without_overwrite(const std::filesystem::path& file,
                                                            const std::filesystem::path& directory,
                                                            std::string& error);

}  // namespace crmsync::csv_drop
