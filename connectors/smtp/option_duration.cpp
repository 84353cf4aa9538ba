#include "option_duration.hpp"

#include <cctype>

namespace crmsync::mail {

std::optional<std::chrono::milliseconds> parse_duration(const std::string& text) {
  std::size_t digits = 0;
  while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits])) != 0) ++digits;
  if (digits == 0 || digits > 9) return std::nullopt;
  const long long amount = std::stoll(text.substr(0, digits));
  const std::string unit = text.substr(digits);
  if (unit.empty() || unit == "s") return std::chrono::seconds(amount);
  if (unit == "ms") return std::chrono::milliseconds(amount);
  if (unit == "m") return std::chrono::minutes(amount);
  if (unit == "h") return std::chrono::hours(amount);
  if (unit == "d") return std::chrono::hours(24 * amount);
  return std::nullopt;
}

}  // namespace crmsync::mail
