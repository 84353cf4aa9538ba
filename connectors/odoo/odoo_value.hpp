#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

// Reading Odoo's value conventions robustly: `false` for empty, many2one as
// [id, "display name"], numbers that may arrive as strings.
namespace crmsync::odoo::odoo_value {

// The field as text: strings as they are, numbers in their shortest exact
// form, true/false as "true"/"" (Odoo writes false for "no value"), a
// many2one's display name. Missing and null give "".
[[nodiscard]] std::string text(const nlohmann::json& record, const char* key);

// A record id or many2one id: 42, "42" or [42, "name"]; nothing for false,
// null, missing, non-numeric text or ids below 1.
[[nodiscard]] std::optional<std::int64_t> id(const nlohmann::json& value);
[[nodiscard]] std::optional<std::int64_t> id_of(const nlohmann::json& record, const char* key);

// true, "true", "True", 1 and "1" are true; anything else is false.
[[nodiscard]] bool flag(const nlohmann::json& record, const char* key, bool when_missing);

// Odoo's HTML fields (mail.message body, ticket description) as plain text:
// tags dropped, <br> and block ends as new lines, the common entities decoded.
[[nodiscard]] std::string html_to_text(const std::string& html);

}  // namespace crmsync::odoo::odoo_value
