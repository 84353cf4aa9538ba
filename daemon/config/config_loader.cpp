#include "daemon/config/config_loader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "daemon/config/database_url.hpp"
#include "daemon/config/duration_parser.hpp"
#include "daemon/config/identity_config_reader.hpp"
#include "daemon/config/journey_config_reader.hpp"
#include "daemon/config/node_location.hpp"
#include "daemon/config/schema_reader.hpp"
#include "daemon/config/secret_registry.hpp"

namespace crmsync::config {
namespace {

const std::vector<std::string> kTopLevelKeys = {"state_directory", "database", "plugins", "logging",
                                                "instances",       "identity", "journey"};
const std::vector<std::string> kDatabaseKeys = {"url"};
const std::vector<std::string> kPluginKeys = {"directory"};
const std::vector<std::string> kLoggingKeys = {"level", "format"};
const std::vector<std::string> kInstanceKeys = {
    "name",           "connector",        "schedule",         "enabled",
    "default_region", "default_currency", "default_timezone", "options"};
const std::vector<std::string> kLogLevels = {"debug", "info", "warning", "error"};
const std::vector<std::string> kLogFormats = {"auto", "text", "journal"};

bool all_of(std::string_view text, bool (*allowed)(char)) {
  return !text.empty() && std::all_of(text.begin(), text.end(), allowed);
}
bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}
bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_timezone_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
         c == '+' || c == '/';
}

std::string one_of(const std::vector<std::string>& choices) {
  std::string out;
  for (std::size_t i = 0; i < choices.size(); ++i) {
    if (i > 0) out += i + 1 == choices.size() ? " or " : ", ";
    out += choices[i];
  }
  return out;
}

std::filesystem::path absolute_against(const std::filesystem::path& base_dir, const std::string& text) {
  const std::filesystem::path path(text);
  return (path.is_absolute() ? path : base_dir / path).lexically_normal();
}

// Reads one key whose value must be one of a few words.
std::optional<std::string> choice(SchemaReader& reader, const YAML::Node& mapping, std::string_view key,
                                  const std::string& where, const std::vector<std::string>& choices) {
  std::optional<std::string> value = reader.text(mapping, key, where);
  if (value && std::find(choices.begin(), choices.end(), *value) == choices.end()) {
    reader.error_at(*SchemaReader::find(mapping, key),
                    SchemaReader::describe(key, where) + " must be " + one_of(choices));
    return std::nullopt;
  }
  return value;
}

// Reads one key whose value must pass `valid`; `expected` completes
// "'key' must be ...".
std::optional<std::string> checked_text(SchemaReader& reader, const YAML::Node& mapping, std::string_view key,
                                        const std::string& where, bool (*valid)(std::string_view),
                                        const char* expected) {
  std::optional<std::string> value = reader.text(mapping, key, where);
  if (value && !valid(*value)) {
    reader.error_at(*SchemaReader::find(mapping, key),
                    SchemaReader::describe(key, where) + " must be " + expected);
    return std::nullopt;
  }
  return value;
}

void read_database(SchemaReader& reader, const YAML::Node& root, const std::filesystem::path& base_dir,
                   DaemonConfig& config) {
  config.database_url = "sqlite://" + (config.state_directory / "crmsync.db").string();
  const std::optional<SchemaReader::Field> section = reader.mapping(root, "database", "");
  if (!section) return;
  reader.reject_unknown_keys(section->value, kDatabaseKeys, "'database'");
  const std::optional<std::string> url = reader.text(section->value, "url", "'database'");
  if (!url) return;
  for (const std::string& password : DatabaseUrl::passwords(*url)) config.secrets->add(password);
  Expected<std::string, std::string> normalized = DatabaseUrl::normalize(*url, base_dir);
  if (!normalized) {
    reader.error_at(*SchemaReader::find(section->value, "url"), "'url' in 'database': " + normalized.error());
    return;
  }
  config.database_url = std::move(normalized.value());
}

void read_plugins(SchemaReader& reader, const YAML::Node& root, const std::filesystem::path& base_dir,
                  DaemonConfig& config) {
  const std::optional<SchemaReader::Field> section = reader.mapping(root, "plugins", "");
  if (!section) return;
  reader.reject_unknown_keys(section->value, kPluginKeys, "'plugins'");
  const std::optional<std::string> directory = reader.text(section->value, "directory", "'plugins'");
  if (directory && !directory->empty()) config.plugin_directory = absolute_against(base_dir, *directory);
}

void read_logging(SchemaReader& reader, const YAML::Node& root, DaemonConfig& config) {
  const std::optional<SchemaReader::Field> section = reader.mapping(root, "logging", "");
  if (!section) return;
  reader.reject_unknown_keys(section->value, kLoggingKeys, "'logging'");
  if (auto level = choice(reader, section->value, "level", "'logging'", kLogLevels)) {
    config.logging.level = std::move(*level);
  }
  if (auto format = choice(reader, section->value, "format", "'logging'", kLogFormats)) {
    config.logging.format = std::move(*format);
  }
}

void read_schedule(SchemaReader& reader, const YAML::Node& item, const std::string& where,
                   InstanceConfig& instance) {
  const std::optional<std::string> text = reader.text(item, "schedule", where);
  if (!text) return;
  const Expected<std::chrono::seconds, std::string> parsed = DurationParser::parse(*text);
  if (!parsed || parsed->count() <= 0) {
    reader.error_at(
        *SchemaReader::find(item, "schedule"),
        SchemaReader::describe("schedule", where) +
            " must be a duration greater than zero such as 45s, 5m, 2h, 1d or a number of seconds");
    return;
  }
  instance.schedule = parsed.value();
}

void read_instance_defaults(SchemaReader& reader, const YAML::Node& item, const std::string& where,
                            InstanceConfig& instance) {
  if (auto region = checked_text(
          reader, item, "default_region", where,
          [](std::string_view v) { return v.size() == 2 && all_of(v, is_upper); },
          "an ISO 3166 country code of two capital letters such as DE or CN")) {
    instance.default_region = std::move(*region);
  }
  if (auto currency = checked_text(
          reader, item, "default_currency", where,
          [](std::string_view v) { return v.empty() || (v.size() == 3 && all_of(v, is_upper)); },
          "an ISO 4217 currency code of three capital letters such as EUR or CNY")) {
    instance.default_currency = std::move(*currency);
  }
  if (auto timezone = checked_text(
          reader, item, "default_timezone", where,
          [](std::string_view v) {
            return all_of(v, is_timezone_char) && v.front() != '/' && v.find("..") == std::string_view::npos;
          },
          "a time zone name such as UTC or Asia/Shanghai")) {
    instance.default_timezone = std::move(*timezone);
  }
}

std::optional<InstanceConfig> read_instance(SchemaReader& reader, const YAML::Node& item, std::size_t index) {
  const SourceLocation location = location_of(item.Mark(), reader.file());
  if (!item.IsMap()) {
    reader.error(location,
                 "each entry of 'instances' must be a mapping with at least 'name' and 'connector'");
    return std::nullopt;
  }
  const std::string entry = "instances entry " + std::to_string(index + 1);
  InstanceConfig instance;
  instance.location = location;
  std::optional<std::string> name = reader.required_text(item, "name", entry);
  if (name && !all_of(*name, is_name_char)) {
    reader.error_at(*SchemaReader::find(item, "name"),
                    "instance name must use only lower-case letters, digits, '_' and '-'");
    name.reset();
  }
  const std::string where = name ? "instance '" + *name + "'" : entry;
  reader.reject_unknown_keys(item, kInstanceKeys, where);
  std::optional<std::string> connector = reader.required_text(item, "connector", where);
  if (connector && connector->empty()) {
    reader.error_at(*SchemaReader::find(item, "connector"), "'connector' in " + where + " is empty");
    connector.reset();
  }
  read_schedule(reader, item, where, instance);
  if (const auto enabled = reader.boolean(item, "enabled", where)) instance.enabled = *enabled;
  read_instance_defaults(reader, item, where, instance);
  if (const auto options = reader.mapping(item, "options", where)) {
    instance.options.reset(options->value);  // reset(), not operator=, which would write through
  }
  if (!name || !connector) return std::nullopt;
  instance.name = std::move(*name);
  instance.connector = std::move(*connector);
  return instance;
}

void read_instances(SchemaReader& reader, const YAML::Node& root, DaemonConfig& config) {
  const std::optional<SchemaReader::Field> section = reader.sequence(root, "instances", "");
  if (!section) return;
  std::map<std::string, SourceLocation> first_seen;
  std::size_t index = 0;
  for (const YAML::Node& item : section->value) {
    std::optional<InstanceConfig> instance = read_instance(reader, item, index++);
    if (!instance) continue;
    const SchemaReader::Field name_field = *SchemaReader::find(item, "name");
    const auto [first, inserted] =
        first_seen.emplace(instance->name, location_of(name_field.value.Mark(), reader.file()));
    if (!inserted) {
      reader.error_at(name_field, "duplicate instance name '" + instance->name + "' (first defined at line " +
                                      std::to_string(first->second.line) + ")");
      continue;
    }
    config.instances.push_back(std::move(*instance));
  }
}

void read_root(SchemaReader& reader, const YAML::Node& root, const std::filesystem::path& base_dir,
               DaemonConfig& config) {
  reader.reject_unknown_keys(root, kTopLevelKeys, "");
  const std::optional<std::string> state = reader.text(root, "state_directory", "");
  config.state_directory = absolute_against(base_dir, state && !state->empty() ? *state : "./state");
  read_database(reader, root, base_dir, config);
  read_plugins(reader, root, base_dir, config);
  read_logging(reader, root, config);
  read_instances(reader, root, config);
  IdentityConfigReader(reader).read(root, config);
  JourneyConfigReader(reader, base_dir).read(root, config);
}

}  // namespace

ConfigLoader::ConfigLoader(ReferenceResolver::EnvironmentLookup environment)
    : environment_(std::move(environment)) {}

Expected<DaemonConfig, ConfigErrors> ConfigLoader::load(const std::filesystem::path& file) const {
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec)) {
    return Unexpected<ConfigErrors>(
        {ConfigError{{file.string(), 0, 0}, "is a directory, not a configuration file"}});
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    return Unexpected<ConfigErrors>({ConfigError{
        {file.string(), 0, 0}, std::string("cannot read configuration file: ") + std::strerror(errno)}});
  }
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::filesystem::path absolute = std::filesystem::absolute(file).lexically_normal();
  Expected<DaemonConfig, ConfigErrors> config = load_from_string(text, file.string(), absolute.parent_path());
  if (config) config->file = absolute;
  return config;
}

Expected<DaemonConfig, ConfigErrors> ConfigLoader::load_from_string(
    const std::string& text, const std::string& display_name, const std::filesystem::path& base_dir) const {
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    return Unexpected<ConfigErrors>(
        {ConfigError{location_of(e.mark, display_name), "YAML syntax error: " + e.msg}});
  }

  const std::filesystem::path base = std::filesystem::absolute(base_dir).lexically_normal();
  DaemonConfig config;
  config.file = base / std::filesystem::path(display_name).filename();
  ConfigErrors errors;
  const ReferenceResolver resolver(base, environment_, *config.secrets);
  SchemaReader reader(display_name, resolver, errors);
  if (root.IsMap()) {
    read_root(reader, root, base, config);
  } else if (root.IsNull()) {
    read_root(reader, YAML::Node(YAML::NodeType::Map), base, config);  // an empty file: all defaults
  } else {
    reader.error(
        location_of(root.Mark(), display_name),
        "the configuration must be a mapping of keys such as state_directory, database and instances");
  }
  if (errors.empty()) return config;
  std::stable_sort(errors.begin(), errors.end(), [](const ConfigError& a, const ConfigError& b) {
    return std::pair(a.location.line, a.location.column) < std::pair(b.location.line, b.location.column);
  });
  return Unexpected<ConfigErrors>(std::move(errors));
}

}  // namespace crmsync::config
