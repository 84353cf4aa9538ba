#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <yaml-cpp/yaml.h>

#include "daemon/config/daemon_config.hpp"
#include "daemon/config/schema_reader.hpp"

namespace crmsync::config {

// Reads the optional `identity:` section (matching thresholds and limits,
// survivorship rules) into config.identity; absent keys keep the defaults.
// Every problem goes to the reader with its file:line:col.
class IdentityConfigReader {
 public:
  explicit IdentityConfigReader(SchemaReader& reader) : reader_(reader) {}

  void read(const YAML::Node& root, DaemonConfig& config);

 private:
  void read_survivorship(const YAML::Node& section, const DaemonConfig& config,
                         identity::SurvivorshipRules& rules);
  std::optional<identity::FieldSurvivorship> field_rule(const SchemaReader::Field& field,
                                                        const DaemonConfig& config, const std::string& where);
  std::optional<identity::SurvivorshipRule> rule_name(const SchemaReader::Field& field,
                                                      const std::string& text, const std::string& where);
  std::optional<double> number(const YAML::Node& mapping, std::string_view key, double low, double high);

  SchemaReader& reader_;
};

}  // namespace crmsync::config
