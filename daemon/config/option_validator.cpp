#include "daemon/config/option_validator.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "daemon/config/closest_key.hpp"
#include "daemon/config/duration_parser.hpp"
#include "daemon/config/node_location.hpp"
#include "daemon/config/schema_reader.hpp"

namespace crmsync::config {
namespace {

using sdk::ConfigOption;
using sdk::ConfigValue;
using sdk::OptionType;

bool is_scalar_type(OptionType type) {
  return type != OptionType::string_list && type != OptionType::object && type != OptionType::object_list;
}

const char* expectation(OptionType type) {
  switch (type) {
    case OptionType::string:
      return "a single value";
    case OptionType::integer:
      return "a whole number";
    case OptionType::boolean:
      return "true or false";
    case OptionType::duration:
      return "a duration such as 45s, 5m, 2h, 1d or a number of seconds";
    case OptionType::path:
      return "a non-empty path";
    case OptionType::string_list:
      return "a list of single values";
    case OptionType::object:
      return "a mapping";
    case OptionType::object_list:
      return "a list of mappings";
  }
  return "valid";
}

// The canonical text of a scalar option, or nullopt when it has the wrong type.
std::optional<std::string> typed_text(OptionType type, const std::string& text,
                                      const std::filesystem::path& base_dir) {
  switch (type) {
    case OptionType::integer: {
      std::int64_t n = 0;
      const char* end = text.data() + text.size();
      const auto [ptr, ec] = std::from_chars(text.data(), end, n);
      if (text.empty() || ec != std::errc{} || ptr != end) return std::nullopt;
      return std::to_string(n);
    }
    case OptionType::boolean:
      if (text == "true" || text == "yes" || text == "on") return "true";
      if (text == "false" || text == "no" || text == "off") return "false";
      return std::nullopt;
    case OptionType::duration: {
      const auto seconds = DurationParser::parse(text);
      if (!seconds) return std::nullopt;
      return std::to_string(seconds->count());
    }
    case OptionType::path: {
      if (text.empty()) return std::nullopt;
      const std::filesystem::path path(text);
      return (path.is_absolute() ? path : base_dir / path).lexically_normal().string();
    }
    default:
      return text;
  }
}

// "columns.email", "files.2": how messages name a value inside an option.
std::string child_path(const std::string& path, const std::string& step) {
  std::string out = path;
  out += '.';
  out += step;
  return out;
}

// State of one validate() call.
class Conversion {
 public:
  Conversion(const std::string& connector, const std::string& file, const std::filesystem::path& base_dir,
             const ReferenceResolver& resolver)
      : connector_(connector), file_(file), base_dir_(base_dir), resolver_(resolver) {}

  void reject_unknown_keys(const YAML::Node& options, const sdk::ConfigSpec& spec) {
    std::vector<std::string> known;
    for (const ConfigOption& option : spec) known.push_back(option.key);
    std::set<std::string> seen;
    for (auto it = options.begin(); it != options.end(); ++it) {
      const SourceLocation at = location_of(it->first.Mark(), file_);
      const std::string name = it->first.IsScalar() ? it->first.Scalar() : "";
      if (!seen.insert(name).second) {
        error(at, "duplicate option '" + name + "'");
      } else if (std::find(known.begin(), known.end(), name) == known.end()) {
        std::string message = "unknown option '" + name + "' for connector " + connector_;
        if (const auto hint = closest_key(name, known)) message += " (did you mean '" + *hint + "'?)";
        error(at, std::move(message));
      }
    }
  }

  // The option's value as given; nullopt after reporting a problem.
  std::optional<ConfigValue> given(const ConfigOption& option, const YAML::Node& key,
                                   const YAML::Node& value) {
    const SourceLocation at = value_location(key, value, file_);
    const std::string name = "option '" + option.key + "'";
    if (is_scalar_type(option.type)) {
      if (!value.IsScalar()) return wrong_type(at, name, option.type);
      std::optional<std::string> text = resolved(value.Scalar(), at, name);
      if (!text) return std::nullopt;
      std::optional<std::string> typed = typed_text(option.type, *text, base_dir_);
      if (!typed) return wrong_type(at, name, option.type);
      return ConfigValue::make_scalar(std::move(*typed));
    }
    if (option.type == OptionType::object) {
      if (!value.IsMap()) return wrong_type(at, name, option.type);
      return tree(value, option.key);
    }
    if (!value.IsSequence()) return wrong_type(at, name, option.type);
    std::vector<ConfigValue> items;
    bool ok = true;
    for (std::size_t i = 0; i < value.size(); ++i) {
      const YAML::Node item = value[i];
      const bool fits = option.type == OptionType::string_list ? item.IsScalar() : item.IsMap();
      if (!fits) {
        error(location_of(item, file_, at),
              "entry " + std::to_string(i + 1) + " of " + name + " must be " +
                  (option.type == OptionType::string_list ? "a single value" : "a mapping"));
        ok = false;
        continue;
      }
      std::optional<ConfigValue> converted = tree(item, child_path(option.key, std::to_string(i)));
      ok = ok && converted.has_value();
      if (converted) items.push_back(std::move(*converted));
    }
    if (!ok) return std::nullopt;
    return ConfigValue::make_list(std::move(items));
  }

  // The connector's default, nullopt when there is none; a bad default is
  // the connector's bug, reported at the instance so the operator can at
  // least set the option explicitly.
  std::optional<ConfigValue> fallback(const ConfigOption& option, const SourceLocation& at) {
    const std::string& text = *option.default_value;
    std::optional<ConfigValue> value;
    // An empty default of a typed scalar means "unset", not an invalid value.
    if (text.empty() && is_scalar_type(option.type) && option.type != OptionType::string) return std::nullopt;
    if (is_scalar_type(option.type)) {
      if (auto typed = typed_text(option.type, text, base_dir_))
        value = ConfigValue::make_scalar(std::move(*typed));
    } else if (text.empty()) {
      value = option.type == OptionType::object ? ConfigValue::make_mapping({}) : ConfigValue::make_list({});
    } else {
      try {
        const YAML::Node parsed = YAML::Load(text);
        const std::size_t before = errors_.size();
        value = given(option, YAML::Node(option.key), parsed);
        errors_.resize(before);  // marks inside the default text mean nothing to the operator
      } catch (const YAML::Exception&) {
        value.reset();
      }
    }
    if (!value) {
      error(at, "connector " + connector_ + " has an invalid default for option '" + option.key + "' (" +
                    expectation(option.type) + " expected); set the option explicitly");
    }
    return value;
  }

  void error(const SourceLocation& at, std::string message) {
    errors_.push_back(ConfigError{at, std::move(message)});
  }

  ConfigErrors& errors() { return errors_; }

 private:
  std::optional<ConfigValue> wrong_type(const SourceLocation& at, const std::string& name, OptionType type) {
    error(at, name + " must be " + expectation(type));
    return std::nullopt;
  }

  std::optional<std::string> resolved(const std::string& text, const SourceLocation& at,
                                      const std::string& name) {
    Expected<std::string, std::string> value = resolver_.resolve(text);
    if (!value) {
      error(at, name + ": " + value.error());
      return std::nullopt;
    }
    return std::move(value.value());
  }

  // Mappings and lists the connector checks itself: converted as they are,
  // with references resolved in every scalar.
  std::optional<ConfigValue> tree(const YAML::Node& node, const std::string& path) {
    const SourceLocation at = location_of(node, file_, SourceLocation{file_, 0, 0});
    switch (node.Type()) {
      case YAML::NodeType::Scalar: {
        std::optional<std::string> text = resolved(node.Scalar(), at, "option '" + path + "'");
        if (!text) return std::nullopt;
        return ConfigValue::make_scalar(std::move(*text));
      }
      case YAML::NodeType::Sequence: {
        std::vector<ConfigValue> items;
        bool ok = true;
        for (std::size_t i = 0; i < node.size(); ++i) {
          std::optional<ConfigValue> item = tree(node[i], child_path(path, std::to_string(i)));
          ok = ok && item.has_value();
          if (item) items.push_back(std::move(*item));
        }
        if (!ok) return std::nullopt;
        return ConfigValue::make_list(std::move(items));
      }
      case YAML::NodeType::Map: {
        std::vector<ConfigValue::Entry> entries;
        bool ok = true;
        for (auto it = node.begin(); it != node.end(); ++it) {
          const std::string key = it->first.IsScalar() ? it->first.Scalar() : "";
          std::optional<ConfigValue> value = tree(it->second, child_path(path, key));
          ok = ok && value.has_value();
          if (value) entries.emplace_back(key, std::move(*value));
        }
        if (!ok) return std::nullopt;
        return ConfigValue::make_mapping(std::move(entries));
      }
      default:
        return ConfigValue();
    }
  }

  const std::string& connector_;
  const std::string& file_;
  const std::filesystem::path& base_dir_;
  const ReferenceResolver& resolver_;
  ConfigErrors errors_;
};

void register_secret(const ConfigValue& value, SecretRegistry& secrets) {
  if (value.kind() == ConfigValue::Kind::scalar) secrets.add(value.text());
  for (const ConfigValue& item : value.items()) register_secret(item, secrets);
  for (const auto& entry : value.entries()) register_secret(entry.second, secrets);
}

}  // namespace

OptionValidator::OptionValidator(ReferenceResolver::EnvironmentLookup environment)
    : environment_(std::move(environment)) {}

Expected<ConfigValue, ConfigErrors> OptionValidator::validate(
    const YAML::Node& options, const sdk::ConfigSpec& spec, const std::string& connector,
    const std::string& file, const SourceLocation& instance_location, const std::string& base_dir,
    SecretRegistry& secrets) const {
  const std::filesystem::path base(base_dir);
  const ReferenceResolver resolver(base, environment_, secrets);
  Conversion conversion(connector, file, base, resolver);
  const bool present = options.IsDefined() && !options.IsNull();
  if (present && !options.IsMap()) {
    conversion.error(location_of(options, file, instance_location), "'options' must be a mapping");
    return Unexpected<ConfigErrors>(std::move(conversion.errors()));
  }
  const SourceLocation options_location =
      present ? location_of(options, file, instance_location) : instance_location;
  if (present) conversion.reject_unknown_keys(options, spec);

  std::vector<ConfigValue::Entry> entries;
  for (const ConfigOption& option : spec) {
    std::optional<ConfigValue> value;
    const std::optional<SchemaReader::Field> field = SchemaReader::entry(options, option.key);
    if (field && !field->value.IsNull()) {
      value = conversion.given(option, field->key, field->value);
    } else if (option.required) {
      const SourceLocation at = field ? location_of(field->key.Mark(), file) : options_location;
      conversion.error(at, "missing required option '" + option.key + "' for connector " + connector);
    } else if (option.default_value) {
      value = conversion.fallback(option, options_location);
    }
    if (!value) continue;
    if (option.secret) register_secret(*value, secrets);
    entries.emplace_back(option.key, std::move(*value));
  }
  if (!conversion.errors().empty()) {
    std::stable_sort(conversion.errors().begin(), conversion.errors().end(),
                     [](const ConfigError& a, const ConfigError& b) {
                       return std::pair(a.location.line, a.location.column) <
                              std::pair(b.location.line, b.location.column);
                     });
    return Unexpected<ConfigErrors>(std::move(conversion.errors()));
  }
  return ConfigValue::make_mapping(std::move(entries));
}

Expected<ConfigValue, ConfigErrors> OptionValidator::validate(const InstanceConfig& instance,
                                                              const sdk::ConfigSpec& spec,
                                                              const DaemonConfig& config) const {
  return validate(instance.options, spec, instance.connector, instance.location.file, instance.location,
                  config.file.parent_path().string(), *config.secrets);
}

}  // namespace crmsync::config
