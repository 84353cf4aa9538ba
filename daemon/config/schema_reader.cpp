#include "daemon/config/schema_reader.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "daemon/config/closest_key.hpp"
#include "daemon/config/node_location.hpp"

namespace crmsync::config {
namespace {

const char* kind_of(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Map:
      return "a mapping";
    case YAML::NodeType::Scalar:
      return "a single value";
    default:
      return "empty";
  }
}

std::string in_where(const std::string& where) {
  return where.empty() ? "" : " in " + where;
}

}  // namespace

SchemaReader::SchemaReader(std::string file, const ReferenceResolver& resolver, ConfigErrors& errors)
    : file_(std::move(file)), resolver_(resolver), errors_(errors) {}

std::string SchemaReader::describe(std::string_view key, const std::string& where) {
  return "'" + std::string(key) + "'" + in_where(where);
}

void SchemaReader::error(const SourceLocation& location, std::string message) {
  errors_.push_back(ConfigError{location, std::move(message)});
}

void SchemaReader::error_at(const Field& field, std::string message) {
  error(value_location(field.key, field.value, file_), std::move(message));
}

void SchemaReader::reject_unknown_keys(const YAML::Node& mapping, const std::vector<std::string>& known,
                                       const std::string& where) {
  std::set<std::string> seen;
  for (auto it = mapping.begin(); it != mapping.end(); ++it) {
    const YAML::Node key = it->first;  // a copy: it-> returns a temporary proxy
    const SourceLocation at = location_of(key.Mark(), file_);
    if (!key.IsScalar()) {
      error(at, "keys" + in_where(where) + " must be plain names");
      continue;
    }
    const std::string& name = key.Scalar();
    if (!seen.insert(name).second) {
      error(at, "duplicate key '" + name + "'" + in_where(where));
    } else if (std::find(known.begin(), known.end(), name) == known.end()) {
      std::string message = "unknown key '" + name + "'" + in_where(where);
      if (const auto hint = closest_key(name, known)) message += " (did you mean '" + *hint + "'?)";
      error(at, std::move(message));
    }
  }
}

std::optional<SchemaReader::Field> SchemaReader::entry(const YAML::Node& mapping, std::string_view key) {
  if (!mapping.IsMap()) return std::nullopt;
  for (auto it = mapping.begin(); it != mapping.end(); ++it) {
    if (it->first.IsScalar() && it->first.Scalar() == key) return Field{it->first, it->second};
  }
  return std::nullopt;
}

std::optional<SchemaReader::Field> SchemaReader::find(const YAML::Node& mapping, std::string_view key) {
  std::optional<Field> field = entry(mapping, key);
  if (field && field->value.IsNull()) return std::nullopt;
  return field;
}

std::optional<std::string> SchemaReader::text(const YAML::Node& mapping, std::string_view key,
                                              const std::string& where) {
  const std::optional<Field> field = find(mapping, key);
  if (!field) return std::nullopt;
  if (!field->value.IsScalar()) {
    error_at(*field, describe(key, where) + " must be a single value, not " + kind_of(field->value));
    return std::nullopt;
  }
  Expected<std::string, std::string> resolved = resolver_.resolve(field->value.Scalar());
  if (!resolved) {
    error_at(*field, describe(key, where) + ": " + resolved.error());
    return std::nullopt;
  }
  return std::move(resolved.value());
}

std::optional<std::string> SchemaReader::required_text(const YAML::Node& mapping, std::string_view key,
                                                       const std::string& where) {
  const std::optional<Field> field = entry(mapping, key);
  if (!field) {
    error(location_of(mapping.Mark(), file_), "missing required key " + describe(key, where));
    return std::nullopt;
  }
  if (field->value.IsNull()) {
    error_at(*field, describe(key, where) + " has no value");
    return std::nullopt;
  }
  return text(mapping, key, where);
}

std::optional<bool> SchemaReader::boolean(const YAML::Node& mapping, std::string_view key,
                                          const std::string& where) {
  const std::optional<std::string> value = text(mapping, key, where);
  if (!value) return std::nullopt;
  if (*value == "true" || *value == "yes" || *value == "on") return true;
  if (*value == "false" || *value == "no" || *value == "off") return false;
  error_at(*find(mapping, key), describe(key, where) + " must be true or false");
  return std::nullopt;
}

std::optional<SchemaReader::Field> SchemaReader::mapping(const YAML::Node& parent, std::string_view key,
                                                         const std::string& where) {
  return container(parent, key, where, YAML::NodeType::Map, "a mapping");
}

std::optional<SchemaReader::Field> SchemaReader::sequence(const YAML::Node& parent, std::string_view key,
                                                          const std::string& where) {
  return container(parent, key, where, YAML::NodeType::Sequence, "a list");
}

std::optional<SchemaReader::Field> SchemaReader::container(const YAML::Node& parent, std::string_view key,
                                                           const std::string& where,
                                                           YAML::NodeType::value type,
                                                           const char* type_name) {
  std::optional<Field> field = find(parent, key);
  if (!field) return std::nullopt;
  if (field->value.Type() != type) {
    error_at(*field, describe(key, where) + " must be " + type_name + ", not " + kind_of(field->value));
    return std::nullopt;
  }
  return field;
}

}  // namespace crmsync::config
