#include "inbox_scanner.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include <fnmatch.h>
#include <sys/stat.h>

namespace crmsync::csv_drop {
namespace {

constexpr std::array<std::string_view, 8> kPartialSuffixes = {
    ".tmp", ".temp", ".part", ".partial", ".filepart", ".crdownload", ".swp", "~",
};

bool ends_with_ignoring_case(std::string_view text, std::string_view suffix) {
  if (text.size() < suffix.size()) return false;
  return std::equal(suffix.begin(), suffix.end(), text.end() - static_cast<std::ptrdiff_t>(suffix.size()),
                    [](char a, char b) {
                      const auto lower = [](char c) {
                        return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
                      };
                      return lower(a) == lower(b);
                    });
}

// Size and modification time of a regular file, without following links.
bool stat_regular(const std::filesystem::path& path, InboxFile& file) {
  struct stat info {};
  if (::lstat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return false;
  file.size = static_cast<std::uint64_t>(info.st_size);
  file.modified =
      std::chrono::system_clock::time_point(std::chrono::duration_cast<std::chrono::system_clock::duration>(
          std::chrono::seconds(info.st_mtim.tv_sec) + std::chrono::nanoseconds(info.st_mtim.tv_nsec)));
  return true;
}

}  // namespace

InboxScanner::InboxScanner(std::filesystem::path directory) : directory_(std::move(directory)) {}

bool InboxScanner::is_ignored(std::string_view name) {
  if (name.empty() || name.front() == '.' || name.starts_with("~$")) return true;
  return std::any_of(kPartialSuffixes.begin(), kPartialSuffixes.end(),
                     [&](std::string_view suffix) { return ends_with_ignoring_case(name, suffix); });
}

bool InboxScanner::refresh(InboxFile& file) {
  return stat_regular(file.path, file);
}

std::vector<InboxFile> InboxScanner::list(const std::string& pattern, std::error_code& error) const {
  std::vector<InboxFile> files;
  std::filesystem::directory_iterator it(directory_, error);
  if (error) return files;
  for (; it != std::filesystem::directory_iterator(); it.increment(error)) {
    if (error) return {};
    const std::string name = it->path().filename().string();
    if (is_ignored(name) || ::fnmatch(pattern.c_str(), name.c_str(), FNM_CASEFOLD) != 0) continue;
    InboxFile file;
    file.path = it->path();
    file.name = name;
    if (stat_regular(file.path, file)) files.push_back(std::move(file));
  }
  if (error) return {};
  std::sort(files.begin(), files.end(), [](const InboxFile& a, const InboxFile& b) {
    return a.modified != b.modified ? a.modified < b.modified : a.name < b.name;
  });
  return files;
}

}  // namespace crmsync::csv_drop
