#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

namespace crmsync::conformance {

// What the suite needs to know about one connector: its plugin, its mock
// server, the instance options to point it at the mock, and what the vendor
// can do. Read from tests/conformance/connectors/<connector>.yaml (see README.md).
struct ConformanceDescriptor {
  std::string name;  // the file's stem; names the ctest test
  std::filesystem::path file;
  std::string plugin;                       // plugin name as its descriptor exports it
  std::filesystem::path plugin_directory;   // where the .so is; default: the build's plugin dir
  std::filesystem::path mock_script;        // absolute
  std::vector<std::string> mock_arguments;  // without --port / --port-file
  std::map<std::string, std::string> environment;
  YAML::Node options;                // the instance's `options`, ${mock_url} still in it
  YAML::Node instance_settings;      // default_region, default_timezone, ... (may be null)
  std::vector<std::string> streams;  // streams to check; all must appear in /__mock/expected
  std::map<std::string, std::string> far_future_cursors;  // per stream
  int incremental_overlap = 0;  // unchanged records an incremental read may repeat, per stream
  bool reports_deletes = true;  // deletions arrive as records with deleted = true
  std::vector<std::string> token_faults{"expire_token"};  // faults that must be survived as token expiry
  double max_requests_per_second = 0;                     // 0: no limit checked
  int mutate_created = 2;
  int mutate_updated = 2;
  int mutate_deleted = 1;

  // Reads a descriptor; throws std::runtime_error naming file and key on a problem.
  static ConformanceDescriptor load(const std::filesystem::path& file);
  // Every *.yaml in `directory`, sorted.
  static std::vector<ConformanceDescriptor> load_all(const std::filesystem::path& directory);

  // The options as YAML text with ${mock_url} filled in.
  [[nodiscard]] std::string options_yaml(const std::string& mock_url) const;
};

}  // namespace crmsync::conformance
