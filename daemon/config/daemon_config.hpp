#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "daemon/config/journey_config.hpp"
#include "daemon/config/secret_registry.hpp"
#include "daemon/identity/identity_settings.hpp"

namespace crmsync::config {

// Where a value stands in a config file, for messages: "crmsync.yaml:12:5".
struct SourceLocation {
  std::string file;
  int line = 0;    // 1-based
  int column = 0;  // 1-based
  [[nodiscard]] std::string to_string() const;
};

struct LoggingConfig {
  std::string level = "info";   // debug | info | warning | error
  std::string format = "auto";  // auto (journal under systemd, text otherwise) | text | journal
};

// One configured connector instance. Its `options` are checked against the
// plugin's ConfigSpec by OptionValidator once the plugin is loaded.
struct InstanceConfig {
  std::string name;
  std::string connector;                                   // plugin name, e.g. "csv_drop"
  std::chrono::seconds schedule{std::chrono::minutes(5)};  // time between sync runs
  bool enabled = true;
  std::string default_region = "US";     // for phone numbers without a country code
  std::string default_currency;          // for orders without a currency
  std::string default_timezone = "UTC";  // for timestamps without an offset
  YAML::Node options;                    // raw, with marks for line:col
  SourceLocation location;               // of the instance's entry
};

struct DaemonConfig {
  std::filesystem::path file;              // the file it was read from (absolute)
  std::filesystem::path state_directory;   // absolute
  std::string database_url;                // may carry a password: never log it
  std::filesystem::path plugin_directory;  // absolute; empty = next to the executable
  LoggingConfig logging;
  std::vector<InstanceConfig> instances;
  identity::IdentitySettings identity;  // matching and survivorship; defaults without `identity:`
  JourneyConfig journey;                // no `journey:` section: nothing is planned or sent
  // Secrets met while loading (credentials, referenced files, the database
  // password); OptionValidator adds secret options. Give it to the logger.
  std::shared_ptr<SecretRegistry> secrets = std::make_shared<SecretRegistry>();
};

}  // namespace crmsync::config
