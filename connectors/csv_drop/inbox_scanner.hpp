#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace crmsync::csv_drop {

// A file waiting in the inbox.
struct InboxFile {
  std::filesystem::path path;
  std::string name;
  std::uint64_t size = 0;
  std::chrono::system_clock::time_point modified;
};

// Lists the files of one stream in the inbox: regular files (not symlinks,
// not directories) directly in it whose name matches the stream's glob,
// ignoring ASCII case; oldest first, then by name.
class InboxScanner {
 public:
  explicit InboxScanner(std::filesystem::path directory);

  [[nodiscard]] std::vector<InboxFile> list(const std::string& pattern, std::error_code& error) const;

  // Names that are never a finished drop: hidden files and the names upload
  // tools give a file while it is still arriving.
  [[nodiscard]] static bool is_ignored(std::string_view name);

  // Re-reads size and modification time; false when the file is gone.
  [[nodiscard]] static bool refresh(InboxFile& file);

 private:
  std::filesystem::path directory_;
};

}  // namespace crmsync::csv_drop
