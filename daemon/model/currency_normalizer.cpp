#include "daemon/model/currency_normalizer.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <unicode/ucurr.h>

#include "daemon/model/unicode_text.hpp"

namespace crmsync::model {
namespace {

// Matched after NFKC, so "￥" arrives as "¥" and "ＲＭＢ" as "RMB".
constexpr auto kSymbols = std::to_array<std::pair<std::string_view, std::string_view>>({
    {"¥", "CNY"},
    {"元", "CNY"},
    {"人民币", "CNY"},
    {"rmb", "CNY"},
    {"$", "USD"},
    {"us$", "USD"},
    {"€", "EUR"},
    {"£", "GBP"},
    {"hk$", "HKD"},
});

bool is_upper_ascii_letter(char c) {
  return c >= 'A' && c <= 'Z';
}

std::string upper_ascii(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; });
  return text;
}

}  // namespace

bool CurrencyNormalizer::is_iso_code(std::string_view code) {
  if (code.size() != 3 || !std::all_of(code.begin(), code.end(), is_upper_ascii_letter)) return false;
  const std::array<UChar, 4> iso = {static_cast<UChar>(code[0]), static_cast<UChar>(code[1]),
                                    static_cast<UChar>(code[2]), 0};
  UErrorCode status = U_ZERO_ERROR;
  // Any date: a source may still quote an amount in a currency since replaced.
  const bool known = ucurr_isAvailable(iso.data(), U_DATE_MIN, U_DATE_MAX, &status) != 0;
  return U_SUCCESS(status) && known;
}

std::optional<std::string> CurrencyNormalizer::normalize(std::string_view text) const {
  const std::string folded = unicode_text::to_lower(unicode_text::nfkc(unicode_text::trim(text)));
  for (const auto& [symbol, code] : kSymbols) {
    if (folded == symbol) return std::string(code);
  }
  std::string code = upper_ascii(folded);
  if (!is_iso_code(code)) return std::nullopt;
  return code;
}

}  // namespace crmsync::model
