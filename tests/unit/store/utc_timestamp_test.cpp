#include "daemon/store/utc_timestamp.hpp"

#include <chrono>

#include <gtest/gtest.h>

namespace crmsync::store {
namespace {

using namespace std::chrono;

TEST(UtcTimestampTest, FormatsIso8601Utc) {
  EXPECT_EQ(UtcTimestamp::format(sys_days{year{2024} / 5 / 1} + 9h + 5min + 7s), "2024-05-01T09:05:07Z");
  EXPECT_EQ(UtcTimestamp::format(sys_seconds{}), "1970-01-01T00:00:00Z");
  EXPECT_EQ(UtcTimestamp::format(sys_days{year{1950} / 12 / 31} + 23h), "1950-12-31T23:00:00Z");
}

TEST(UtcTimestampTest, TextOrderIsTimeOrder) {
  const auto earlier = UtcTimestamp::format(sys_days{year{999} / 1 / 1});
  const auto later = UtcTimestamp::format(sys_days{year{2024} / 1 / 1});
  EXPECT_LT(earlier, later);
  EXPECT_EQ(UtcTimestamp::now().size(), UtcTimestamp::kLength);
}

TEST(UtcTimestampTest, OnlyFourDigitYearsFit) {
  EXPECT_TRUE(UtcTimestamp::fits(sys_days{year{9999} / 12 / 31}));
  EXPECT_FALSE(UtcTimestamp::fits(sys_days{year{10000} / 1 / 1}));
  EXPECT_FALSE(UtcTimestamp::fits(sys_days{year{-1} / 1 / 1}));
}

}  // namespace
}  // namespace crmsync::store
