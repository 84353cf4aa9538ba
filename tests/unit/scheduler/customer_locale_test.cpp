#include "daemon/scheduler/customer_locale.hpp"

#include <gtest/gtest.h>

namespace crmsync::scheduler {
namespace {

TEST(CustomerLocaleTest, ChineseForGreaterChinaAndHanNamesInSingapore) {
  const config::PolitenessConfig politeness;
  const CustomerLocale locale(politeness);
  EXPECT_EQ(locale.language({"王芳", "CN", ""}), "zh");
  EXPECT_EQ(locale.language({"Chan Tai Man", "HK", ""}), "zh");
  EXPECT_EQ(locale.language({"陈伟", "SG", ""}), "zh");
  EXPECT_EQ(locale.language({"Rajesh Kumar", "SG", ""}), "en");
  EXPECT_EQ(locale.language({"Anna Schmidt", "DE", ""}), "en");
}

TEST(CustomerLocaleTest, PhoneRegionStandsInForAMissingCountry) {
  const config::PolitenessConfig politeness;
  const CustomerLocale locale(politeness);
  EXPECT_EQ(locale.language({"Li Wei", "", "+8613800138000"}), "zh");
  EXPECT_EQ(locale.time_zone({"Li Wei", "", "+8613800138000"}), "Asia/Shanghai");
}

TEST(CustomerLocaleTest, TimeZoneFromCountryConfiguredOrUniformElseDefault) {
  config::PolitenessConfig politeness;
  politeness.default_time_zone = "Europe/London";
  const CustomerLocale locale(politeness);
  EXPECT_EQ(locale.time_zone({"", "DE", ""}), "Europe/Berlin");
  EXPECT_EQ(locale.time_zone({"", "US", ""}), "America/New_York");  // configured for a many-zone country
  EXPECT_EQ(locale.time_zone({"", "", ""}), "Europe/London");
}

}  // namespace
}  // namespace crmsync::scheduler
