#include "iso_timestamp.hpp"

#include <cctype>
#include <chrono>
#include <cstdio>

namespace crmsync::hubspot {
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

bool all_digits(const std::string& text) {
  if (text.empty() || text.size() > 16) return false;
  for (const char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c)) == 0) return false;
  }
  return true;
}

// Up to three fraction digits as milliseconds; further digits are dropped.
int fraction_millis(const std::string& text, std::size_t& pos) {
  int millis = 0;
  int scale = 100;
  while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos])) != 0) {
    millis += (text[pos] - '0') * scale;
    scale /= 10;
    ++pos;
  }
  return millis;
}

}  // namespace

std::optional<std::int64_t> parse_time_millis(const std::string& text) {
  if (all_digits(text)) return std::stoll(text);
  const auto year = digits(text, 0, 4);
  const auto month = digits(text, 5, 2);
  const auto day = digits(text, 8, 2);
  if (!year || !month || !day || text[4] != '-' || text[7] != '-') return std::nullopt;
  int hour = 0;
  int minute = 0;
  int second = 0;
  int millis = 0;
  int offset_minutes = 0;
  std::size_t pos = 10;
  if (pos < text.size()) {
    const auto h = digits(text, 11, 2);
    const auto m = digits(text, 14, 2);
    const auto s = digits(text, 17, 2);
    if ((text[10] != 'T' && text[10] != ' ') || !h || !m || !s || text[13] != ':' || text[16] != ':')
      return std::nullopt;
    hour = *h;
    minute = *m;
    second = *s;
    pos = 19;
    if (pos < text.size() && text[pos] == '.') {
      ++pos;
      millis = fraction_millis(text, pos);
    }
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
  }
  if (pos != text.size()) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year{*year},
                                         std::chrono::month{static_cast<unsigned>(*month)},
                                         std::chrono::day{static_cast<unsigned>(*day)}};
  if (!date.ok() || hour > 23 || minute > 59 || second > 60) return std::nullopt;
  const auto days = std::chrono::sys_days{date}.time_since_epoch().count();
  const std::int64_t seconds = static_cast<std::int64_t>(days) * 86400 + hour * 3600 + minute * 60 + second -
                               static_cast<std::int64_t>(offset_minutes) * 60;
  return seconds * 1000 + millis;
}

std::string format_time_millis(std::int64_t millis_since_epoch) {
  const std::chrono::sys_time<std::chrono::milliseconds> when{std::chrono::milliseconds{millis_since_epoch}};
  const auto day_start = std::chrono::floor<std::chrono::days>(when);
  const std::chrono::year_month_day date{day_start};
  const std::chrono::hh_mm_ss time{when - day_start};
  char out[40];
  std::snprintf(out, sizeof out, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                static_cast<int>(time.seconds().count()), static_cast<int>(time.subseconds().count()));
  return out;
}

}  // namespace crmsync::hubspot
