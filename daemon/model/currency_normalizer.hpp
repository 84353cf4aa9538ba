#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace crmsync::model {

// Maps what sources write for a currency to an ISO 4217 code.
class CurrencyNormalizer {
 public:
  // "usd", " EUR " -> the code, if ICU knows it as a currency (current or past);
  // symbols and local names: "¥", "￥", "RMB", "元", "人民币" -> "CNY" (these sources
  // are Chinese: "¥" is read as yuan, not yen), "$" and "US$" -> "USD", "€" -> "EUR",
  // "£" -> "GBP", "HK$" -> "HKD". Nothing when unknown.
  [[nodiscard]] std::optional<std::string> normalize(std::string_view text) const;

  // True if `code` (three upper-case letters) is an ISO 4217 code ICU knows.
  [[nodiscard]] static bool is_iso_code(std::string_view code);
};

}  // namespace crmsync::model
