#include "daemon/store/utc_timestamp.hpp"

#include <fmt/format.h>

namespace crmsync::store {

std::string UtcTimestamp::format(std::chrono::sys_seconds time) {
  const auto day = std::chrono::floor<std::chrono::days>(time);
  const std::chrono::year_month_day date{day};
  const std::chrono::hh_mm_ss clock{time - day};
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                     clock.hours().count(), clock.minutes().count(), clock.seconds().count());
}

bool UtcTimestamp::fits(std::chrono::sys_seconds time) {
  const std::chrono::year year =
      std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(time)}.year();
  return year >= std::chrono::year{0} && year <= std::chrono::year{9999};
}

std::string UtcTimestamp::now() {
  return format(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

}  // namespace crmsync::store
