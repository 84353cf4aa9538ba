#include "odoo_timestamp.hpp"

#include <cstdio>

namespace crmsync::odoo::odoo_timestamp {
namespace {

using namespace std::chrono;

// Reads exactly `width` digits at `pos`; advances `pos`.
std::optional<int> digits(std::string_view text, std::size_t& pos, std::size_t width) {
  if (pos + width > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = 0; i < width; ++i) {
    const char c = text[pos + i];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  pos += width;
  return value;
}

bool expect(std::string_view text, std::size_t& pos, char c) {
  if (pos < text.size() && text[pos] == c) {
    ++pos;
    return true;
  }
  return false;
}

// "Z", "+08:00", "+0800", "+08", "-05:30"; nothing at all means UTC.
std::optional<seconds> offset(std::string_view text, std::size_t& pos) {
  if (pos == text.size()) return seconds{0};
  if (text[pos] == 'Z' || text[pos] == 'z') {
    ++pos;
    return seconds{0};
  }
  if (text[pos] != '+' && text[pos] != '-') return std::nullopt;
  const int sign = text[pos] == '-' ? -1 : 1;
  ++pos;
  const auto hours = digits(text, pos, 2);
  if (!hours) return std::nullopt;
  int minutes = 0;
  if (pos < text.size()) {
    expect(text, pos, ':');
    const auto m = digits(text, pos, 2);
    if (!m) return std::nullopt;
    minutes = *m;
  }
  if (*hours > 23 || minutes > 59) return std::nullopt;
  return seconds{sign * (*hours * 3600 + minutes * 60)};
}

}  // namespace

std::optional<sys_seconds> parse(std::string_view text) {
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  std::size_t pos = 0;
  const auto y = digits(text, pos, 4);
  if (!y || !expect(text, pos, '-')) return std::nullopt;
  const auto mo = digits(text, pos, 2);
  if (!mo || !expect(text, pos, '-')) return std::nullopt;
  const auto d = digits(text, pos, 2);
  if (!d) return std::nullopt;
  const year_month_day date{year{*y}, month{static_cast<unsigned>(*mo)}, day{static_cast<unsigned>(*d)}};
  if (!date.ok()) return std::nullopt;
  if (pos == text.size()) return sys_seconds{sys_days{date}};

  if (!expect(text, pos, ' ') && !expect(text, pos, 'T')) return std::nullopt;
  const auto h = digits(text, pos, 2);
  if (!h || !expect(text, pos, ':')) return std::nullopt;
  const auto mi = digits(text, pos, 2);
  if (!mi) return std::nullopt;
  int s = 0;
  if (expect(text, pos, ':')) {
    const auto sec = digits(text, pos, 2);
    if (!sec) return std::nullopt;
    s = *sec;
  }
  if (expect(text, pos, '.')) {
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
  }
  const auto shift = offset(text, pos);
  if (!shift || pos != text.size() || *h > 23 || *mi > 59 || s > 60) return std::nullopt;
  return sys_seconds{sys_days{date}} + hours{*h} + minutes{*mi} + seconds{s} - *shift;
}

namespace {

std::string format(sys_seconds instant, const char* pattern) {
  const auto day_start = floor<days>(instant);
  const year_month_day date{day_start};
  const hh_mm_ss time{instant - day_start};
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, pattern, static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                static_cast<int>(time.seconds().count()));
  return buffer;
}

}  // namespace

std::string iso_utc(sys_seconds instant) {
  return format(instant, "%04d-%02u-%02uT%02d:%02d:%02dZ");
}

std::string domain_value(sys_seconds instant) {
  return format(instant, "%04d-%02u-%02u %02d:%02d:%02d");
}

std::string to_iso(std::string_view text) {
  const auto instant = parse(text);
  return instant ? iso_utc(*instant) : std::string();
}

}  // namespace crmsync::odoo::odoo_timestamp
