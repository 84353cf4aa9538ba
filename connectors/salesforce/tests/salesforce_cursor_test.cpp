#include "salesforce_cursor.hpp"

#include <gtest/gtest.h>

#include "salesforce_time.hpp"

namespace crmsync::salesforce {
namespace {

TEST(SalesforceCursorTest, EmptyTextIsTheStartOfHistory) {
  std::string error;
  auto cursor = SalesforceCursor::parse("", error);
  ASSERT_TRUE(cursor);
  EXPECT_TRUE(cursor->at_start());
  EXPECT_FALSE(cursor->covers(0, "001"));
  EXPECT_EQ(cursor->to_text(), "");
}

TEST(SalesforceCursorTest, RoundTripsModstampAndIdsSeenAtIt) {
  SalesforceCursor cursor;
  cursor.advance(1000, "001A");
  cursor.advance(2000, "001B");
  cursor.advance(2000, "001C");
  std::string error;
  auto again = SalesforceCursor::parse(cursor.to_text(), error);
  ASSERT_TRUE(again) << error;
  EXPECT_EQ(again->modstamp_millis(), 2000);
  EXPECT_EQ(again->ids_at_modstamp(), (std::set<std::string>{"001B", "001C"}));
}

TEST(SalesforceCursorTest, CoversEarlierRecordsAndIdsSeenAtTheBoundaryOnly) {
  SalesforceCursor cursor;
  cursor.advance(2000, "001B");
  EXPECT_TRUE(cursor.covers(1999, "001Z"));   // same second, earlier: read before
  EXPECT_TRUE(cursor.covers(2000, "001B"));   // committed at the boundary
  EXPECT_FALSE(cursor.covers(2000, "001C"));  // same instant, not yet read: must not be lost
  EXPECT_FALSE(cursor.covers(2001, "001B"));  // changed again since
}

TEST(SalesforceCursorTest, RejectsTextNoVersionWrote) {
  std::string error;
  EXPECT_FALSE(SalesforceCursor::parse("2024-05-01", error));
  EXPECT_NE(error.find("modstamp_ms"), std::string::npos);
}

TEST(SalesforceTimeTest, ReadsSalesforceOffsetsAsTheSameInstant) {
  const auto utc = SalesforceTime::parse_millis("2024-05-01T12:34:56.000+0000");
  ASSERT_TRUE(utc);
  EXPECT_EQ(SalesforceTime::parse_millis("2024-05-01T20:34:56.000+08:00"), utc);
  EXPECT_EQ(SalesforceTime::parse_millis("2024-05-01T12:34:56Z"), utc);
  EXPECT_EQ(SalesforceTime::parse_millis("2024-05-01T12:34:56.250Z"), *utc + 250);
  EXPECT_FALSE(SalesforceTime::parse_millis("2024-02-30T00:00:00Z"));
  EXPECT_FALSE(SalesforceTime::parse_millis("yesterday"));
}

TEST(SalesforceTimeTest, WritesSoqlLiteralsRoundedDownToTheSecond) {
  const auto millis = SalesforceTime::parse_millis("2024-05-01T12:34:56.789+0000");
  ASSERT_TRUE(millis);
  EXPECT_EQ(SalesforceTime::soql_literal(*millis), "2024-05-01T12:34:56Z");
}

}  // namespace
}  // namespace crmsync::salesforce
