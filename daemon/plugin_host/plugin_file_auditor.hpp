#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include <sys/types.h>

namespace crmsync::plugin_host {

// Refuses plugin files anyone but root or the daemon's own user could have
// changed: loading one runs its code with the daemon's privileges.
class PluginFileAuditor {
 public:
  explicit PluginFileAuditor(uid_t daemon_uid);
  // nullopt when the file may be loaded; otherwise why not.
  [[nodiscard]] std::optional<std::string> audit(const std::filesystem::path& file) const;

 private:
  uid_t daemon_uid_;
};

}  // namespace crmsync::plugin_host
