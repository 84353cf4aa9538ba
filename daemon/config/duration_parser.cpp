#include "daemon/config/duration_parser.hpp"

#include <charconv>
#include <cstdint>
#include <limits>
#include <optional>

namespace crmsync::config {
namespace {

constexpr const char* kExpected = "expected a duration such as 45s, 5m, 2h, 1d or a number of seconds";

std::optional<std::int64_t> seconds_per(char unit) {
  switch (unit) {
    case 's':
      return 1;
    case 'm':
      return 60;
    case 'h':
      return 3600;
    case 'd':
      return 86400;
    default:
      return std::nullopt;
  }
}

}  // namespace

Expected<std::chrono::seconds, std::string> DurationParser::parse(std::string_view text) {
  if (text.empty()) return Unexpected<std::string>(kExpected);
  std::int64_t total = 0;
  const char* pos = text.data();
  const char* const end = text.data() + text.size();
  while (pos != end) {
    if (*pos < '0' || *pos > '9') return Unexpected<std::string>(kExpected);  // no signs or spaces
    std::int64_t amount = 0;
    const auto [next, ec] = std::from_chars(pos, end, amount);
    if (ec != std::errc{} || next == pos) return Unexpected<std::string>(kExpected);
    std::int64_t unit = 1;
    if (next != end) {
      const std::optional<std::int64_t> per = seconds_per(*next);
      if (!per) return Unexpected<std::string>(kExpected);
      unit = *per;
      pos = next + 1;
    } else if (pos == text.data()) {
      pos = next;  // a plain number: seconds
    } else {
      return Unexpected<std::string>(kExpected);  // "1h30" is ambiguous
    }
    if (amount > (std::numeric_limits<std::int64_t>::max() - total) / unit) {
      return Unexpected<std::string>("duration is too long");
    }
    total += amount * unit;
  }
  return std::chrono::seconds(total);
}

}  // namespace crmsync::config
