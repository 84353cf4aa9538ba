#include "odoo_timestamp.hpp"

#include <gtest/gtest.h>

namespace crmsync::odoo {
namespace {

TEST(OdooTimestampTest, NaiveOdooTimeIsUtc) {
  EXPECT_EQ(odoo_timestamp::to_iso("2024-05-02 09:15:00"), "2024-05-02T09:15:00Z");
}

TEST(OdooTimestampTest, OtherOffsetsAreBroughtToUtc) {
  EXPECT_EQ(odoo_timestamp::to_iso("2024-05-02T17:15:00+08:00"), "2024-05-02T09:15:00Z");
  EXPECT_EQ(odoo_timestamp::to_iso("2024-05-02T04:15:00-0500"), "2024-05-02T09:15:00Z");
  EXPECT_EQ(odoo_timestamp::to_iso("2024-05-02T09:15:00.123456Z"), "2024-05-02T09:15:00Z");
}

TEST(OdooTimestampTest, BareDateIsMidnight) {
  EXPECT_EQ(odoo_timestamp::to_iso("2024-05-02"), "2024-05-02T00:00:00Z");
}

TEST(OdooTimestampTest, FalseAndImpossibleDatesGiveNothing) {
  EXPECT_EQ(odoo_timestamp::to_iso(""), "");
  EXPECT_EQ(odoo_timestamp::to_iso("2024-02-30 10:00:00"), "");
  EXPECT_EQ(odoo_timestamp::to_iso("2024-05-02 25:00:00"), "");
  EXPECT_EQ(odoo_timestamp::to_iso("yesterday"), "");
}

TEST(OdooTimestampTest, DomainValueIsOdooForm) {
  EXPECT_EQ(odoo_timestamp::domain_value(*odoo_timestamp::parse("2024-05-02T17:15:09+08:00")),
            "2024-05-02 09:15:09");
}

}  // namespace
}  // namespace crmsync::odoo
