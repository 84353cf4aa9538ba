#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace crmsync::fxiaoke {

// One field of an Fxiaoke object as text: strings as they are, numbers in
// their JSON spelling, booleans as true/false, a one-element list (employee
// and lookup fields) as its element. Dotted paths follow nested objects
// ("owner__r.name"). Null, missing, empty or structured values give nothing.
[[nodiscard]] std::optional<std::string> json_field_text(const nlohmann::json& object, std::string_view path);

// An epoch-milliseconds field, written as a number or as a string of digits.
[[nodiscard]] std::optional<std::int64_t> json_field_millis(const nlohmann::json& object,
                                                            std::string_view key);

// The object as compact UTF-8 JSON; invalid UTF-8 is replaced, not thrown.
[[nodiscard]] std::string json_payload(const nlohmann::json& object);

}  // namespace crmsync::fxiaoke
