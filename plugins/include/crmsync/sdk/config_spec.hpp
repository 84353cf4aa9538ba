#pragma once

#include <optional>
#include <string>
#include <vector>

namespace crmsync::sdk {

// The type of one connector option. The daemon checks scalar types itself;
// `object` and `object_list` values are checked by the connector's validate().
enum class OptionType {
  string,
  integer,
  boolean,
  duration,     // "30s", "5m", "2h", "1d"
  path,         // a filesystem path; relative paths resolve against the config file
  string_list,  // a YAML sequence of strings
  object,       // a YAML mapping the connector validates
  object_list,  // a YAML sequence of mappings the connector validates
};

// One row of a connector's option table: a single source for parsing,
// defaults, validation and `crmsyncd describe` output.
struct ConfigOption {
  std::string key;
  OptionType type = OptionType::string;
  std::optional<std::string> default_value;  // textual default, shown by describe
  bool required = false;
  bool secret = false;  // never printed or logged; must come from a ${...} reference or file
  std::string doc;
};

using ConfigSpec = std::vector<ConfigOption>;

// A problem found by a connector's own validation. `path` is the dotted path
// below the instance's `options` (e.g. "streams.customers.columns.email") so
// the daemon can point at file:line:col.
struct ConfigProblem {
  std::string path;
  std::string message;
};

inline const char* to_string(OptionType type) {
  switch (type) {
    case OptionType::string:
      return "string";
    case OptionType::integer:
      return "integer";
    case OptionType::boolean:
      return "boolean";
    case OptionType::duration:
      return "duration";
    case OptionType::path:
      return "path";
    case OptionType::string_list:
      return "list of strings";
    case OptionType::object:
      return "mapping";
    case OptionType::object_list:
      return "list of mappings";
  }
  return "unknown";
}

}  // namespace crmsync::sdk
