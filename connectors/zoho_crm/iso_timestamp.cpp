#include "iso_timestamp.hpp"

#include <cctype>
#include <chrono>
#include <cstdio>

namespace crmsync::zoho_crm {
namespace {

// Reads exactly `width` digits at `pos`.
std::optional<int> digits(const std::string& text, std::size_t pos, std::size_t width) {
  if (pos + width > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (std::isdigit(static_cast<unsigned char>(text[i])) == 0) return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

std::optional<std::int64_t> parse_iso_timestamp(const std::string& text) {
  const auto year = digits(text, 0, 4);
  const auto month = digits(text, 5, 2);
  const auto day = digits(text, 8, 2);
  const auto hour = digits(text, 11, 2);
  const auto minute = digits(text, 14, 2);
  const auto second = digits(text, 17, 2);
  if (!year || !month || !day || !hour || !minute || !second) return std::nullopt;
  if (text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != ' ') || text[13] != ':' ||
      text[16] != ':')
    return std::nullopt;
  std::size_t pos = 19;
  if (pos < text.size() && text[pos] == '.') {  // fractions of a second: ignored
    ++pos;
    while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos])) != 0) ++pos;
  }
  int offset_minutes = 0;
  if (pos < text.size() && (text[pos] == 'Z' || text[pos] == 'z')) {
    ++pos;
  } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    const int sign = text[pos] == '-' ? -1 : 1;
    const auto offset_hours = digits(text, pos + 1, 2);
    const std::size_t minute_pos = pos + 3 < text.size() && text[pos + 3] == ':' ? pos + 4 : pos + 3;
    const auto offset_mins = digits(text, minute_pos, 2);
    if (!offset_hours || !offset_mins) return std::nullopt;
    offset_minutes = sign * (*offset_hours * 60 + *offset_mins);
    pos = minute_pos + 2;
  }
  if (pos != text.size()) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year{*year},
                                         std::chrono::month{static_cast<unsigned>(*month)},
                                         std::chrono::day{static_cast<unsigned>(*day)}};
  if (!date.ok() || *hour > 23 || *minute > 59 || *second > 60) return std::nullopt;
  const auto days = std::chrono::sys_days{date}.time_since_epoch().count();
  return static_cast<std::int64_t>(days) * 86400 + *hour * 3600 + *minute * 60 + *second -
         static_cast<std::int64_t>(offset_minutes) * 60;
}

std::string format_utc_timestamp(std::int64_t seconds_since_epoch) {
  const std::chrono::sys_seconds when{std::chrono::seconds{seconds_since_epoch}};
  const auto day_start = std::chrono::floor<std::chrono::days>(when);
  const std::chrono::year_month_day date{day_start};
  const std::chrono::hh_mm_ss time{when - day_start};
  char out[40];
  std::snprintf(out, sizeof out, "%04d-%02u-%02uT%02d:%02d:%02d+00:00", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                static_cast<int>(time.seconds().count()));
  return out;
}

}  // namespace crmsync::zoho_crm
