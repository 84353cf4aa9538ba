#include "daemon/config/node_location.hpp"

namespace crmsync::config {

SourceLocation location_of(const YAML::Mark& mark, const std::string& file) {
  if (mark.is_null()) return SourceLocation{file, 0, 0};
  return SourceLocation{file, mark.line + 1, mark.column + 1};
}

SourceLocation location_of(const YAML::Node& node, const std::string& file, const SourceLocation& fallback) {
  if (!node.IsDefined() || node.Mark().is_null()) return fallback;
  return location_of(node.Mark(), file);
}

SourceLocation value_location(const YAML::Node& key, const YAML::Node& value, const std::string& file) {
  const SourceLocation at_key = location_of(key.Mark(), file);
  return value.IsNull() ? at_key : location_of(value, file, at_key);
}

}  // namespace crmsync::config
