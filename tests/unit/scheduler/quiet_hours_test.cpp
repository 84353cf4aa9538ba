#include "daemon/scheduler/quiet_hours.hpp"

#include <gtest/gtest.h>

#include "daemon/store/utc_timestamp.hpp"

namespace crmsync::scheduler {
namespace {

using namespace std::chrono_literals;
using std::chrono::sys_days;
using std::chrono::year;

std::string at(std::chrono::sys_seconds time) {
  return store::UtcTimestamp::format(time);
}

constexpr auto kMonday = sys_days{year{2026} / 11 / 23};

TEST(QuietHoursTest, WeekdayOfficeHoursInShanghaiAreAllowed) {
  const config::PolitenessConfig politeness;
  const QuietHours quiet(politeness);
  EXPECT_TRUE(quiet.allows(kMonday + 2h, "Asia/Shanghai"));    // 10:00 local
  EXPECT_FALSE(quiet.allows(kMonday + 13h, "Asia/Shanghai"));  // 21:00 local
  EXPECT_FALSE(quiet.allows(kMonday + 0h, "Asia/Shanghai"));   // 08:00 local
}

TEST(QuietHoursTest, EveningSendMovesToNineNextMorningLocalTime) {
  const config::PolitenessConfig politeness;
  const QuietHours quiet(politeness);
  EXPECT_EQ(at(quiet.next_allowed(kMonday + 13h, "Asia/Shanghai")), "2026-11-24T01:00:00Z");
  // Monday 21:00 in New York
  EXPECT_EQ(at(quiet.next_allowed(kMonday + 26h, "America/New_York")), "2026-11-24T14:00:00Z");
}

TEST(QuietHoursTest, FridayEveningWaitsForMondayMorning) {
  const config::PolitenessConfig politeness;
  const QuietHours quiet(politeness);
  const auto friday_evening = sys_days{year{2026} / 11 / 27} + 19h + 30min;  // 20:30 Berlin
  EXPECT_EQ(at(quiet.next_allowed(friday_evening, "Europe/Berlin")), "2026-11-30T08:00:00Z");
}

TEST(QuietHoursTest, WeekendsAllowedWhenConfiguredSo) {
  config::PolitenessConfig politeness;
  politeness.skip_weekends = false;
  const QuietHours quiet(politeness);
  EXPECT_TRUE(quiet.allows(sys_days{year{2026} / 11 / 29} + 10h, "UTC"));
}

TEST(QuietHoursTest, UnknownTimeZoneIsAnError) {
  const config::PolitenessConfig politeness;
  const QuietHours quiet(politeness);
  EXPECT_THROW((void)quiet.allows(kMonday, "Mars/Olympus"), std::invalid_argument);
}

}  // namespace
}  // namespace crmsync::scheduler
