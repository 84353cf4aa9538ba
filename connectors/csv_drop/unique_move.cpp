#include "unique_move.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <system_error>

#include <fcntl.h>
#include <unistd.h>

namespace crmsync::csv_drop {
namespace {

// Hard-links `from` to `to` unless `to` exists: an atomic "rename unless
// taken" on one filesystem.
int link_no_replace(const std::filesystem::path& from, const std::filesystem::path& to) {
  return ::link(from.c_str(), to.c_str()) == 0 ? 0 : errno;
}

bool copy_durably(const std::filesystem::path& from, const std::filesystem::path& to, std::string& error) {
  std::error_code ec;
  if (!std::filesystem::copy_file(from, to, std::filesystem::copy_options::none, ec)) {
    error = "cannot copy " + from.string() + " to " + to.string() + ": " + ec.message();
    return false;
  }
  const int fd = ::open(to.c_str(), O_RDONLY | O_CLOEXEC);
  const bool synced = fd >= 0 && ::fsync(fd) == 0;
  if (fd >= 0) ::close(fd);
  if (!synced) {
    error = "cannot sync " + to.string() + ": " + std::strerror(errno);
    std::filesystem::remove(to, ec);
    return false;
  }
  return true;
}

}  // namespace

std::optional<std::filesystem::path> move_without_overwrite(const std::filesystem::path& file,
                                                            const std::filesystem::path& directory,
                                                            std::string& error) {
  const std::filesystem::path name = file.filename();
  for (int attempt = 0; attempt < 10000; ++attempt) {
    const std::filesystem::path target =
        attempt == 0
            ? directory / name
            : directory / (name.stem().string() + "." + std::to_string(attempt) + name.extension().string());
    const int link_error = link_no_replace(file, target);
    if (link_error == EEXIST) continue;
    std::error_code ec;
    if (link_error == 0) {
      std::filesystem::remove(file, ec);
      if (ec) {
        error = "moved a copy to " + target.string() + " but cannot remove " + file.string() + ": " +
                ec.message();
        return std::nullopt;
      }
      return target;
    }
    if (link_error == EXDEV || link_error == EPERM || link_error == ENOTSUP) {
      // Another filesystem, or one without hard links: rename when the name
      // is free (same filesystem), else copy.
      if (std::filesystem::exists(target, ec)) continue;
      std::filesystem::rename(file, target, ec);
      if (!ec) return target;
      if (ec != std::errc::cross_device_link) {
        error = "cannot move " + file.string() + " to " + target.string() + ": " + ec.message();
        return std::nullopt;
      }
      if (!copy_durably(file, target, error)) return std::nullopt;
      std::filesystem::remove(file, ec);
      if (ec) {
        error = "copied to " + target.string() + " but cannot remove " + file.string() + ": " + ec.message();
        return std::nullopt;
      }
      return target;
    }
    error = "cannot move " + file.string() + " into " + directory.string() + ": " + std::strerror(link_error);
    return std::nullopt;
  }
  error = "cannot find a free name for " + name.string() + " in " + directory.string();
  return std::nullopt;
}

}  // namespace crmsync::csv_drop
