#include "daemon/identity/han_address.hpp"

#include <gtest/gtest.h>

namespace crmsync::identity {
namespace {

TEST(HanAddress, TakesTheDivisionsAndTheHouseNumberOff) {
  const auto parts = HanAddress::split("广东省深圳市南山区科技路801号");
  EXPECT_TRUE(parts.in_han);
  EXPECT_EQ(parts.street, "科技路");
  EXPECT_EQ(parts.house_number, "801");
}

TEST(HanAddress, CityNamesEndingInZhouStayWhole) {
  // 州 ends 广州 and 杭州: only 市 after it closes the division.
  const auto parts = HanAddress::split("广州市黄河路67号");
  EXPECT_EQ(parts.street, "黄河路");
  EXPECT_EQ(parts.house_number, "67");
}

TEST(HanAddress, AStreetWithoutDivisionsIsKept) {
  const auto parts = HanAddress::split("南京路801号");
  EXPECT_EQ(parts.street, "南京路");
  EXPECT_EQ(parts.house_number, "801");
  // 市 at the start names no division: there is nothing in front of it.
  EXPECT_EQ(HanAddress::split("市府路12号").street, "市府路");
}

TEST(HanAddress, WhatFollowsTheHouseNumberStays) {
  const auto parts = HanAddress::split("上海市淮海路100号3栋");
  EXPECT_EQ(parts.street, "淮海路3栋");
  EXPECT_EQ(parts.house_number, "100");
}

TEST(HanAddress, FullWidthDigitsAreRead) {
  const auto parts = HanAddress::split("北京市长安街１２号");
  EXPECT_EQ(parts.street, "长安街");
  EXPECT_EQ(parts.house_number, "12");
}

TEST(HanAddress, DigitsWithoutHaoAreNotAHouseNumber) {
  const auto parts = HanAddress::split("深圳市科技园2期");
  EXPECT_EQ(parts.street, "科技园2期");
  EXPECT_TRUE(parts.house_number.empty());
}

TEST(HanAddress, OtherScriptsComeBackWhole) {
  const auto parts = HanAddress::split("Hauptstraße 12");
  EXPECT_FALSE(parts.in_han);
  EXPECT_EQ(parts.street, "Hauptstraße 12");
  EXPECT_TRUE(parts.house_number.empty());
}

}  // namespace
}  // namespace crmsync::identity
