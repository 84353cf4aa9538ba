#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "daemon/config/config_error.hpp"
#include "daemon/config/reference_resolver.hpp"

namespace crmsync::config {

// Reads the mappings of the daemon's own, fixed schema and collects every
// problem (unknown, duplicate, missing or mistyped keys) instead of stopping
// at the first. `where` names the enclosing section for messages ("'logging'",
// "instance 'partners'"); empty at the top level.
class SchemaReader {
 public:
  // One entry of a mapping, with the key node kept for its location.
  struct Field {
    YAML::Node key;
    YAML::Node value;
  };

  // `resolver` and `errors` must outlive the reader.
  SchemaReader(std::string file, const ReferenceResolver& resolver, ConfigErrors& errors);

  // Reports keys not in `known` (with a spelling hint), duplicate keys and
  // keys that are not plain strings.
  void reject_unknown_keys(const YAML::Node& mapping, const std::vector<std::string>& known,
                           const std::string& where);

  // The field, or nullopt when absent or given without a value ("key:").
  [[nodiscard]] static std::optional<Field> find(const YAML::Node& mapping, std::string_view key);
  // The field even when given without a value.
  [[nodiscard]] static std::optional<Field> entry(const YAML::Node& mapping, std::string_view key);

  // A scalar with references resolved; nullopt (and an error when present
  // but wrong) otherwise.
  [[nodiscard]] std::optional<std::string> text(const YAML::Node& mapping, std::string_view key,
                                                const std::string& where);
  // Like text(), and reports a missing key at `mapping`'s location.
  [[nodiscard]] std::optional<std::string> required_text(const YAML::Node& mapping, std::string_view key,
                                                         const std::string& where);
  [[nodiscard]] std::optional<bool> boolean(const YAML::Node& mapping, std::string_view key,
                                            const std::string& where);
  // A nested section that must be a mapping / a sequence.
  [[nodiscard]] std::optional<Field> mapping(const YAML::Node& parent, std::string_view key,
                                             const std::string& where);
  [[nodiscard]] std::optional<Field> sequence(const YAML::Node& parent, std::string_view key,
                                              const std::string& where);

  void error(const SourceLocation& location, std::string message);
  // Reports a problem with a field's value, at the value.
  void error_at(const Field& field, std::string message);

  [[nodiscard]] const std::string& file() const { return file_; }

  // "'level' in 'logging'", or "'state_directory'" at the top level.
  [[nodiscard]] static std::string describe(std::string_view key, const std::string& where);

 private:
  std::optional<Field> container(const YAML::Node& parent, std::string_view key, const std::string& where,
                                 YAML::NodeType::value type, const char* type_name);

  std::string file_;
  const ReferenceResolver& resolver_;
  ConfigErrors& errors_;
};

}  // namespace crmsync::config
