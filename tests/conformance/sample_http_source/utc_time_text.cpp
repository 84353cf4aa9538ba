#include "utc_time_text.hpp"

#include <chrono>
#include <cstdio>

namespace crmsync::conformance::sample {

std::optional<std::string> to_utc_text(const std::string& iso_time) {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  int consumed = 0;
  if (std::sscanf(iso_time.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &year, &month, &day, &hour, &minute, &second,
                  &consumed) != 6) {
    return std::nullopt;
  }
  std::string zone = iso_time.substr(static_cast<std::size_t>(consumed));
  int offset_minutes = 0;
  if (zone == "Z" || zone == "z") {
    offset_minutes = 0;
  } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
    offset_minutes =
        (std::stoi(zone.substr(1, 2)) * 60 + std::stoi(zone.substr(4, 2))) * (zone[0] == '-' ? -1 : 1);
  } else {
    return std::nullopt;
  }
  using namespace std::chrono;
  const year_month_day date{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                            std::chrono::day(static_cast<unsigned>(day))};
  if (!date.ok()) return std::nullopt;
  const auto instant =
      sys_days(date) + hours(hour) + minutes(minute) + seconds(second) - minutes(offset_minutes);
  const auto utc_day = floor<days>(instant);
  const year_month_day utc_date(utc_day);
  const hh_mm_ss time(instant - utc_day);
  char text[32];
  std::snprintf(text, sizeof(text), "%04d-%02u-%02uT%02ld:%02ld:%02lldZ", static_cast<int>(utc_date.year()),
                static_cast<unsigned>(utc_date.month()), static_cast<unsigned>(utc_date.day()),
                static_cast<long>(time.hours().count()), static_cast<long>(time.minutes().count()),
                static_cast<long long>(time.seconds().count()));
  return std::string(text);
}

}  // namespace crmsync::conformance::sample
