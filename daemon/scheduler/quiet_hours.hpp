#pragma once

#include <chrono>
#include <string>

#include <unicode/timezone.h>

#include "daemon/config/journey_config.hpp"

namespace crmsync::scheduler {

// Quiet hours and weekends in a customer's own time zone: nobody gets a
// survey at 23:00 or on a Sunday where they live.
class QuietHours {
 public:
  explicit QuietHours(const config::PolitenessConfig& politeness);

  [[nodiscard]] bool allows(std::chrono::sys_seconds at, const std::string& time_zone) const;
  // `at` itself when allowed, else the first minute after it that is.
  [[nodiscard]] std::chrono::sys_seconds next_allowed(std::chrono::sys_seconds at,
                                                      const std::string& time_zone) const;

 private:
  [[nodiscard]] bool allows_in(std::chrono::sys_seconds at, const icu::TimeZone& zone) const;
  [[nodiscard]] bool in_quiet_window(int minute_of_day) const;

  const config::PolitenessConfig& politeness_;
};

}  // namespace crmsync::scheduler
