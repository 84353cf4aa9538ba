#pragma once

#include <filesystem>
#include <random>
#include <string>

namespace crmsync::plugin_host::testing {

inline const std::filesystem::path kTestPluginDir = CRMSYNC_TEST_PLUGIN_DIR;
inline const std::filesystem::path kTemplatePlugin = CRMSYNC_TEMPLATE_PLUGIN;

inline std::filesystem::path test_plugin(const std::string& name) {
  return kTestPluginDir / ("crmsync_test_" + name + ".so");
}

// A fresh private directory for plugin copies whose mode or owner a test changes.
class PluginScratchDir {
 public:
  PluginScratchDir() {
    std::random_device seed;
    path_ = std::filesystem::temp_directory_path() / ("crmsync-plugins-" + std::to_string(seed()));
    std::filesystem::create_directories(path_);
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all);
  }
  ~PluginScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  PluginScratchDir(const PluginScratchDir&) = delete;
  PluginScratchDir& operator=(const PluginScratchDir&) = delete;

  // Copies `file` in as `name` with mode 0755.
  std::filesystem::path add(const std::filesystem::path& file, const std::string& name) const {
    const auto target = path_ / name;
    std::filesystem::copy_file(file, target, std::filesystem::copy_options::overwrite_existing);
    std::filesystem::permissions(
        target, std::filesystem::perms::owner_all | std::filesystem::perms::group_read |
                    std::filesystem::perms::group_exec | std::filesystem::perms::others_read |
                    std::filesystem::perms::others_exec);
    return target;
  }
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace crmsync::plugin_host::testing
