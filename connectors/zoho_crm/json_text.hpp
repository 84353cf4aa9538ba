#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace crmsync::zoho_crm {

// The text of a JSON scalar as the canonical model wants it: strings as they
// are, numbers without reformatting surprises (200 stays "200", 19.9 stays
// "19.9"), booleans as "true"/"false". Null, missing, empty strings, objects
// and arrays have no text.
[[nodiscard]] std::optional<std::string> json_text(const nlohmann::json& value);
// json_text of object[key], tolerating a non-object `object`.
[[nodiscard]] std::optional<std::string> member_text(const nlohmann::json& object, const char* key);
// The text of a lookup field: Zoho sends {"name": .., "id": ..}; older
// payloads (and some modules) send the bare id or name as a string.
[[nodiscard]] std::optional<std::string> lookup_text(const nlohmann::json& object, const char* key,
                                                     const char* part);

}  // namespace crmsync::zoho_crm
