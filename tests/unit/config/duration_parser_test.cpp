#include "daemon/config/duration_parser.hpp"

#include <gtest/gtest.h>

namespace crmsync::config {
namespace {

using std::chrono::seconds;

seconds parsed(std::string_view text) {
  const auto result = DurationParser::parse(text);
  EXPECT_TRUE(result.has_value()) << text;
  return result ? result.value() : seconds(-1);
}

TEST(DurationParserTest, DurationsParse) {
  EXPECT_EQ(parsed("45s"), seconds(45));
  EXPECT_EQ(parsed("5m"), seconds(300));
  EXPECT_EQ(parsed("2h"), seconds(7200));
  EXPECT_EQ(parsed("1d"), seconds(86400));
  EXPECT_EQ(parsed("90"), seconds(90));
  EXPECT_EQ(parsed("0"), seconds(0));
}

TEST(DurationParserTest, CombinedUnitsAddUp) {
  EXPECT_EQ(parsed("1h30m"), seconds(5400));
  EXPECT_EQ(parsed("1d2h3m4s"), seconds(93784));
}

TEST(DurationParserTest, MalformedDurationsAreRejected) {
  for (const char* text : {"", "s", "5x", "-5s", "+5s", " 5s", "5s ", "1h30", "5 m", "1.5h", "5M", "m5"}) {
    EXPECT_FALSE(DurationParser::parse(text).has_value()) << "'" << text << "'";
  }
}

TEST(DurationParserTest, ErrorDoesNotEchoTheInput) {
  const auto result = DurationParser::parse("hunter2");
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().find("hunter2"), std::string::npos);
}

TEST(DurationParserTest, OverflowIsRejected) {
  EXPECT_FALSE(DurationParser::parse("9223372036854775807d").has_value());
  EXPECT_FALSE(DurationParser::parse("99999999999999999999").has_value());
}

}  // namespace
}  // namespace crmsync::config
