#include "daemon/scheduler/quiet_hours.hpp"

#include <memory>
#include <stdexcept>

#include <unicode/timezone.h>
#include <unicode/unistr.h>

namespace crmsync::scheduler {
namespace {

std::unique_ptr<icu::TimeZone> zone_named(const std::string& time_zone) {
  std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(time_zone)));
  if (!zone || *zone == icu::TimeZone::getUnknown())
    throw std::invalid_argument("unknown time zone '" + time_zone + "'");
  return zone;
}

std::chrono::sys_seconds local_time(std::chrono::sys_seconds at, const icu::TimeZone& zone) {
  int32_t raw = 0;
  int32_t dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  zone.getOffset(static_cast<UDate>(at.time_since_epoch().count()) * 1000.0, false, raw, dst, status);
  if (U_FAILURE(status)) throw std::runtime_error("no UTC offset for the customer's time zone");
  return at + std::chrono::seconds((raw + dst) / 1000);
}

// A week of minutes: past the longest quiet stretch (a weekend plus two nights).
constexpr int kSearchMinutes = 8 * 24 * 60;

}  // namespace

QuietHours::QuietHours(const config::PolitenessConfig& politeness) : politeness_(politeness) {}

bool QuietHours::in_quiet_window(int minute_of_day) const {
  const int start = politeness_.quiet_start_minute;
  const int end = politeness_.quiet_end_minute;
  if (start == end) return false;
  if (start < end) return minute_of_day >= start && minute_of_day < end;
  return minute_of_day >= start || minute_of_day < end;  // across midnight, e.g. 20:00-09:00
}

bool QuietHours::allows(std::chrono::sys_seconds at, const std::string& time_zone) const {
  return allows_in(at, *zone_named(time_zone));
}

bool QuietHours::allows_in(std::chrono::sys_seconds at, const icu::TimeZone& zone) const {
  const auto local = local_time(at, zone);
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::weekday weekday{day};
  if (politeness_.skip_weekends && (weekday == std::chrono::Saturday || weekday == std::chrono::Sunday))
    return false;
  const auto minute = std::chrono::duration_cast<std::chrono::minutes>(local - day).count();
  return !in_quiet_window(static_cast<int>(minute));
}

std::chrono::sys_seconds QuietHours::next_allowed(std::chrono::sys_seconds at,
                                                  const std::string& time_zone) const {
  const auto zone = zone_named(time_zone);
  if (allows_in(at, *zone)) return at;
  // Minute steps find the window's end exactly, daylight-saving days included.
  auto candidate = std::chrono::ceil<std::chrono::minutes>(at);
  for (int step = 0; step < kSearchMinutes; ++step, candidate += std::chrono::minutes(1)) {
    if (allows_in(candidate, *zone)) return candidate;
  }
  throw std::invalid_argument("quiet hours and weekends leave no time to send in " + time_zone);
}

}  // namespace crmsync::scheduler
