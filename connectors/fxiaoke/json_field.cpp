#include "json_field.hpp"

#include <charconv>

namespace crmsync::fxiaoke {
namespace {

std::optional<std::string> scalar_text(const nlohmann::json& value) {
  if (value.is_string()) {
    std::string text = value.get<std::string>();
    if (text.empty()) return std::nullopt;
    return text;
  }
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_number()) return value.dump();
  return std::nullopt;
}

}  // namespace

std::optional<std::string> json_field_text(const nlohmann::json& object, std::string_view path) {
  const nlohmann::json* current = &object;
  while (!path.empty()) {
    if (!current->is_object()) return std::nullopt;
    const std::size_t dot = path.find('.');
    const auto found = current->find(std::string(path.substr(0, dot)));
    if (found == current->end()) return std::nullopt;
    current = &*found;
    path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
  }
  if (current->is_array()) return current->size() == 1 ? scalar_text(current->front()) : std::nullopt;
  return scalar_text(*current);
}

std::optional<std::int64_t> json_field_millis(const nlohmann::json& object, std::string_view key) {
  const auto found = object.find(std::string(key));
  if (found == object.end()) return std::nullopt;
  if (found->is_number_integer()) return found->get<std::int64_t>();
  if (found->is_number_float()) return static_cast<std::int64_t>(found->get<double>());
  if (!found->is_string()) return std::nullopt;
  const std::string text = found->get<std::string>();
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

std::string json_payload(const nlohmann::json& object) {
  return object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace crmsync::fxiaoke
