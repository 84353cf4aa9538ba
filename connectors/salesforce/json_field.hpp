#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace crmsync::salesforce {

// Reads one field of a vendor JSON object as text, the way the canonical
// model wants it: strings as they are, numbers in their JSON spelling
// (1500.0 stays exact), booleans as true/false. Dotted paths follow
// relationship objects ("Account.Name"). Null, missing, empty or
// structured values give nothing.
[[nodiscard]] std::optional<std::string> json_field_text(const nlohmann::json& object, std::string_view path);

// The object as compact UTF-8 JSON; invalid UTF-8 is replaced, not thrown.
[[nodiscard]] std::string json_payload(const nlohmann::json& object);

}  // namespace crmsync::salesforce
