#include "json_text.hpp"

namespace crmsync::zoho_crm {

std::optional<std::string> json_text(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::string: {
      const auto& text = value.get_ref<const std::string&>();
      if (text.empty()) return std::nullopt;
      return text;
    }
    case nlohmann::json::value_t::number_integer:
      return std::to_string(value.get<std::int64_t>());
    case nlohmann::json::value_t::number_unsigned:
      return std::to_string(value.get<std::uint64_t>());
    case nlohmann::json::value_t::number_float:
      // dump() prints the shortest text that reads back as the same double.
      return value.dump();
    case nlohmann::json::value_t::boolean:
      return value.get<bool>() ? "true" : "false";
    default:
      return std::nullopt;
  }
}

std::optional<std::string> member_text(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) return std::nullopt;
  const auto it = object.find(key);
  if (it == object.end()) return std::nullopt;
  return json_text(*it);
}

std::optional<std::string> lookup_text(const nlohmann::json& object, const char* key, const char* part) {
  if (!object.is_object()) return std::nullopt;
  const auto it = object.find(key);
  if (it == object.end()) return std::nullopt;
  if (it->is_object()) return member_text(*it, part);
  return json_text(*it);
}

}  // namespace crmsync::zoho_crm
