#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace crmsync::salesforce {

// Salesforce writes datetimes as 2024-05-01T12:34:56.000+0000; other offsets
// (+08:00, Z) and missing fractions are read too. Cursor comparisons need the
// instant, not the text, so these work in epoch milliseconds.
class SalesforceTime {
 public:
  [[nodiscard]] static std::optional<std::int64_t> parse_millis(std::string_view text);
  // An unquoted SOQL datetime literal, rounded down to the second:
  // 2024-05-01T12:34:56Z (SOQL has no literal for fractions).
  [[nodiscard]] static std::string soql_literal(std::int64_t millis);
};

}  // namespace crmsync::salesforce
