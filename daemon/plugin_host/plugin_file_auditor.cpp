#include "daemon/plugin_host/plugin_file_auditor.hpp"

#include <cerrno>
#include <cstring>

#include <fmt/format.h>
#include <sys/stat.h>

namespace crmsync::plugin_host {

PluginFileAuditor::PluginFileAuditor(uid_t daemon_uid) : daemon_uid_(daemon_uid) {}

std::optional<std::string> PluginFileAuditor::audit(const std::filesystem::path& file) const {
  struct stat info {};
  if (::stat(file.c_str(), &info) != 0) {
    return fmt::format("cannot stat: {}", std::strerror(errno));
  }
  if (!S_ISREG(info.st_mode)) return std::string("not a regular file");
  if ((info.st_mode & S_IWOTH) != 0) return std::string("file is world-writable");
  if ((info.st_mode & S_IWGRP) != 0) return std::string("file is group-writable");
  if (info.st_uid != 0 && info.st_uid != daemon_uid_) {
    return fmt::format("file is owned by uid {}, not by root or the daemon's user (uid {})", info.st_uid,
                       daemon_uid_);
  }
  return std::nullopt;
}

}  // namespace crmsync::plugin_host
