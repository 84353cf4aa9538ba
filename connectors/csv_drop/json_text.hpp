#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace crmsync::csv_drop {

// Appends `text` (UTF-8) to `out` as a JSON string literal, quotes included.
void append_json_string(std::string& out, std::string_view text);

// {"key":"value",...} with the keys and values paired by position; values
// beyond the keys are dropped, missing values are empty strings.
[[nodiscard]] std::string json_object(const std::vector<std::string>& keys,
                                      const std::vector<std::string>& values);

// ["value",...]
[[nodiscard]] std::string json_string_array(const std::vector<std::string>& values);

}  // namespace crmsync::csv_drop
