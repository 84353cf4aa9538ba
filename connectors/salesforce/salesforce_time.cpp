#include "salesforce_time.hpp"

#include <chrono>
#include <cstdio>

namespace crmsync::salesforce {
namespace {

// Reads `count` digits at `pos`; nullopt when any is not a digit.
std::optional<int> digits(std::string_view text, std::size_t pos, std::size_t count) {
  if (pos + count > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

// "Z", "+0000", "+08:00", "-05" -> offset in minutes east of UTC.
std::optional<int> offset_minutes(std::string_view zone) {
  if (zone == "Z" || zone == "z") return 0;
  if (zone.size() < 3 || (zone[0] != '+' && zone[0] != '-')) return std::nullopt;
  const int sign = zone[0] == '-' ? -1 : 1;
  auto hours = digits(zone, 1, 2);
  std::optional<int> minutes = 0;
  if (zone.size() == 5) {
    minutes = digits(zone, 3, 2);
  } else if (zone.size() == 6 && zone[3] == ':') {
    minutes = digits(zone, 4, 2);
  } else if (zone.size() != 3) {
    return std::nullopt;
  }
  if (!hours || !minutes || *hours > 23 || *minutes > 59) return std::nullopt;
  return sign * (*hours * 60 + *minutes);
}

}  // namespace

std::optional<std::int64_t> SalesforceTime::parse_millis(std::string_view text) {
  // YYYY-MM-DDThh:mm:ss[.fff][zone]
  if (text.size() < 19 || text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != ' ') ||
      text[13] != ':' || text[16] != ':') {
    return std::nullopt;
  }
  auto year = digits(text, 0, 4);
  auto month = digits(text, 5, 2);
  auto day = digits(text, 8, 2);
  auto hour = digits(text, 11, 2);
  auto minute = digits(text, 14, 2);
  auto second = digits(text, 17, 2);
  if (!year || !month || !day || !hour || !minute || !second || *hour > 23 || *minute > 59 || *second > 60) {
    return std::nullopt;
  }
  std::size_t pos = 19;
  int millis = 0;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    int scale = 100;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      millis += (text[pos] - '0') * scale;
      scale /= 10;
      ++pos;
    }
  }
  // Salesforce datetimes without a zone are UTC.
  const std::optional<int> offset = pos == text.size() ? 0 : offset_minutes(text.substr(pos));
  if (!offset) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year{*year},
                                         std::chrono::month{static_cast<unsigned>(*month)},
                                         std::chrono::day{static_cast<unsigned>(*day)}};
  if (!date.ok()) return std::nullopt;
  const auto days = std::chrono::sys_days(date).time_since_epoch().count();
  const std::int64_t seconds = static_cast<std::int64_t>(days) * 86400 + *hour * 3600 + *minute * 60 +
                               *second - static_cast<std::int64_t>(*offset) * 60;
  return seconds * 1000 + millis;
}

std::string SalesforceTime::soql_literal(std::int64_t millis) {
  const std::int64_t seconds = millis >= 0 ? millis / 1000 : (millis - 999) / 1000;
  const std::int64_t day_count = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
  const std::int64_t in_day = seconds - day_count * 86400;
  const std::chrono::year_month_day date{std::chrono::sys_days{std::chrono::days{day_count}}};
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<int>(in_day / 3600), static_cast<int>(in_day % 3600 / 60),
                static_cast<int>(in_day % 60));
  return text;
}

}  // namespace crmsync::salesforce
