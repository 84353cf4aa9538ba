#include "json_field.hpp"

namespace crmsync::salesforce {

std::optional<std::string> json_field_text(const nlohmann::json& object, std::string_view path) {
  const nlohmann::json* current = &object;
  while (!path.empty()) {
    if (!current->is_object()) return std::nullopt;
    const std::size_t dot = path.find('.');
    const std::string key(path.substr(0, dot));
    const auto found = current->find(key);
    if (found == current->end()) return std::nullopt;
    current = &*found;
    path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
  }
  if (current->is_string()) {
    std::string text = current->get<std::string>();
    if (text.empty()) return std::nullopt;
    return text;
  }
  if (current->is_boolean()) return current->get<bool>() ? "true" : "false";
  if (current->is_number()) return current->dump();
  return std::nullopt;
}

std::string json_payload(const nlohmann::json& object) {
  return object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace crmsync::salesforce
