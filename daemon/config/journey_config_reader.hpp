#pragma once

#include <filesystem>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "daemon/config/daemon_config.hpp"
#include "daemon/config/schema_reader.hpp"

namespace crmsync::config {

// Reads the optional `journey:` section into config.journey; every problem
// goes to the reader with its file:line:col. Needs config.instances read
// first: each channel must name a configured instance.
class JourneyConfigReader {
 public:
  JourneyConfigReader(SchemaReader& reader, std::filesystem::path base_dir);

  void read(const YAML::Node& root, DaemonConfig& config);

 private:
  void read_links(const YAML::Node& section, JourneyConfig& journey);
  void read_delivery(const YAML::Node& section, JourneyConfig& journey);
  void read_surveys(const YAML::Node& section, const DaemonConfig& config, JourneyConfig& journey);
  void read_survey(const YAML::Node& item, std::size_t index, const DaemonConfig& config,
                   JourneyConfig& journey);
  void read_reminders(const YAML::Node& section, const DaemonConfig& config, JourneyConfig& journey);
  void read_tiers(const YAML::Node& section, JourneyConfig& journey);
  void read_politeness(const YAML::Node& section, JourneyConfig& journey);
  void require_template(const YAML::Node& mapping, std::string_view key, const std::string& name,
                        const JourneyConfig& journey);

  std::optional<std::chrono::seconds> duration(const YAML::Node& mapping, std::string_view key,
                                               const std::string& where);
  std::optional<long long> number(const YAML::Node& mapping, std::string_view key, const std::string& where,
                                  long long low, long long high);
  std::vector<std::string> words(const YAML::Node& mapping, std::string_view key, const std::string& where);
  void check_channel(const YAML::Node& mapping, std::string_view key, const std::string& channel,
                     const DaemonConfig& config, const std::string& where);

  SchemaReader& reader_;
  std::filesystem::path base_dir_;
};

}  // namespace crmsync::config
