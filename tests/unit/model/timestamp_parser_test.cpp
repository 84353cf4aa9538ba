#include "daemon/model/timestamp_parser.hpp"

#include <chrono>
#include <stdexcept>

#include <gtest/gtest.h>

namespace crmsync::model {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;

// 2024-05-01 10:00:00 UTC
const sys_seconds kMayFirstTenUtc = sys_days{2024y / May / 1} + 10h;

sys_seconds parsed(const TimestampParser& parser, const char* text) {
  const auto value = parser.parse(text);
  EXPECT_TRUE(value.has_value()) << text;
  return value.value_or(sys_seconds{});
}

TEST(TimestampParser, IsoWithZuluIsUtc) {
  const TimestampParser parser("Asia/Shanghai");
  EXPECT_EQ(parsed(parser, "2024-05-01T10:00:00Z"), kMayFirstTenUtc);
  EXPECT_EQ(parsed(parser, "2024-05-01t10:00:00z"), kMayFirstTenUtc);
}

TEST(TimestampParser, IsoWithColonOffsetIsShiftedToUtc) {
  const TimestampParser parser("UTC");
  EXPECT_EQ(parsed(parser, "2024-05-01T18:00:00+08:00"), kMayFirstTenUtc);
  EXPECT_EQ(parsed(parser, "2024-05-01T05:30:00-04:30"), kMayFirstTenUtc);
}

TEST(TimestampParser, IsoWithCompactAndHourOnlyOffsets) {
  const TimestampParser parser("UTC");
  EXPECT_EQ(parsed(parser, "2024-05-01T18:00:00+0800"), kMayFirstTenUtc);
  EXPECT_EQ(parsed(parser, "2024-05-01T05:00:00-05"), kMayFirstTenUtc);
  EXPECT_EQ(parsed(parser, "2024-05-01T15:45+05:45"), kMayFirstTenUtc);
}

TEST(TimestampParser, OffsetCrossingMidnightChangesTheDate) {
  EXPECT_EQ(parsed(TimestampParser("UTC"), "2024-05-01T02:00:00+08:00"), sys_days{2024y / April / 30} + 18h);
}

TEST(TimestampParser, FractionalSecondsAreTruncated) {
  EXPECT_EQ(parsed(TimestampParser("UTC"), "2024-05-01T10:00:00.987654Z"), kMayFirstTenUtc);
  EXPECT_EQ(parsed(TimestampParser("UTC"), "2024-05-01T10:00:59.999+00:00"), kMayFirstTenUtc + 59s);
}

TEST(TimestampParser, TimeWithoutOffsetIsReadInDefaultZone) {
  EXPECT_EQ(parsed(TimestampParser("Asia/Shanghai"), "2024-05-01 18:00:00"), kMayFirstTenUtc);
  EXPECT_EQ(parsed(TimestampParser("UTC"), "2024-05-01 10:00:00"), kMayFirstTenUtc);
  EXPECT_EQ(parsed(TimestampParser("Europe/Berlin"), "2024-05-01T12:00"), kMayFirstTenUtc);
}

TEST(TimestampParser, DefaultZoneAppliesItsDaylightSavingRules) {
  const TimestampParser new_york("America/New_York");
  EXPECT_EQ(parsed(new_york, "2024-01-15 10:00:00"), sys_days{2024y / January / 15} + 15h);  // EST, UTC-5
  EXPECT_EQ(parsed(new_york, "2024-07-15 10:00:00"), sys_days{2024y / July / 15} + 14h);     // EDT, UTC-4
}

TEST(TimestampParser, WallTimeInDaylightSavingGapUsesOffsetBeforeTheChange) {
  // 2024-03-10 02:30 does not exist in New York; read with EST it is 07:30 UTC.
  EXPECT_EQ(parsed(TimestampParser("America/New_York"), "2024-03-10 02:30"),
            sys_days{2024y / March / 10} + 7h + 30min);
}

TEST(TimestampParser, RepeatedWallTimeMeansItsFirstOccurrence) {
  // 2024-11-03 01:30 happens twice in New York; the first is EDT, 05:30 UTC.
  EXPECT_EQ(parsed(TimestampParser("America/New_York"), "2024-11-03 01:30"),
            sys_days{2024y / November / 3} + 5h + 30min);
}

TEST(TimestampParser, DateOnlyIsMidnightInDefaultZone) {
  EXPECT_EQ(parsed(TimestampParser("UTC"), "2024-05-01"), sys_days{2024y / May / 1});
  EXPECT_EQ(parsed(TimestampParser("Asia/Shanghai"), "2024-05-01"), sys_days{2024y / April / 30} + 16h);
}

TEST(TimestampParser, SlashDatesWithAndWithoutTime) {
  const TimestampParser parser("Asia/Shanghai");
  EXPECT_EQ(parsed(parser, "2024/05/01 18:00"), kMayFirstTenUtc);
  EXPECT_EQ(parsed(parser, "2024/05/01"), sys_days{2024y / April / 30} + 16h);
}

TEST(TimestampParser, YearFirstDatesMayOmitLeadingZeros) {
  // What a spreadsheet in a Chinese locale writes: 2024/5/1 18:00.
  const TimestampParser parser("Asia/Shanghai");
  EXPECT_EQ(parsed(parser, "2024/5/1 18:00"), kMayFirstTenUtc);
  EXPECT_EQ(parsed(parser, "2024-5-1 18:00:00"), kMayFirstTenUtc);
  EXPECT_EQ(parsed(parser, "2024/5/2 2:00"), kMayFirstTenUtc + 8h);
}

TEST(TimestampParser, DottedDatesAreDayFirst) {
  const TimestampParser parser("Europe/Berlin");
  EXPECT_EQ(parsed(parser, "01.05.2024 12:00"), kMayFirstTenUtc);  // CEST is UTC+2
  EXPECT_EQ(parsed(parser, "1.5.2024 12:00:00"), kMayFirstTenUtc);
  EXPECT_EQ(parsed(parser, "28.04.2024"), sys_days{2024y / April / 27} + 22h);
  EXPECT_FALSE(parser.parse("31.02.2024").has_value()) << "no 31st of February";
  EXPECT_FALSE(parser.parse("05.13.2024").has_value()) << "day first: there is no 13th month";
}

TEST(TimestampParser, EpochSecondsAndMillisecondsAreUtc) {
  const TimestampParser parser("Asia/Shanghai");
  EXPECT_EQ(parsed(parser, "1714557600"), kMayFirstTenUtc);
  EXPECT_EQ(parsed(parser, "1714557600123"), kMayFirstTenUtc);
}

TEST(TimestampParser, DigitStringsOfOtherLengthsAreNotEpochs) {
  const TimestampParser parser("UTC");
  for (const char* text : {"171455760", "17145576001", "171455760012", "17145576001234", "20240501"}) {
    EXPECT_FALSE(parser.parse(text).has_value()) << text;
  }
}

TEST(TimestampParser, SurroundingSpacesAreIgnored) {
  EXPECT_EQ(parsed(TimestampParser("UTC"), "  2024-05-01T10:00:00Z "), kMayFirstTenUtc);
}

TEST(TimestampParser, RejectsImpossibleDatesAndTimes) {
  const TimestampParser parser("UTC");
  for (const char* text : {"2024-02-30", "2023-02-29", "2024-13-01", "2024-05-01 24:00", "2024-05-01 10:60",
                           "2024-05-01T10:00:61Z", "2024-05-01T10:00:00+19:00", "31/31/2024"}) {
    EXPECT_FALSE(parser.parse(text).has_value()) << text;
  }
}

TEST(TimestampParser, AcceptsLeapDay) {
  EXPECT_TRUE(TimestampParser("UTC").parse("2024-02-29").has_value());
}

TEST(TimestampParser, RejectsOtherFormatsAndGarbage) {
  const TimestampParser parser("UTC");
  for (const char* text :
       {"", "yesterday", "05/01/2024", "2024-05/01", "2024/123/1", "2024-05-01T10", "2024-05-01T10:00:00 Z",
        "2024-05-01T10:00:00+8", "2024-05-01T10:00:00.Z", "2024-05-01 10:00:00 extra", "-1714557600"}) {
    EXPECT_FALSE(parser.parse(text).has_value()) << '"' << text << '"';
  }
}

TEST(TimestampParser, UnknownDefaultZoneIsAConfigurationError) {
  EXPECT_THROW(TimestampParser("Mars/Olympus_Mons"), std::invalid_argument);
  EXPECT_THROW(TimestampParser(""), std::invalid_argument);
}

TEST(TimestampParser, ParsesDateOfBirthAsCalendarDate) {
  EXPECT_EQ(TimestampParser::parse_date("1990-07-04"), std::optional(1990y / July / 4));
  EXPECT_EQ(TimestampParser::parse_date("1990/07/04"), std::optional(1990y / July / 4));
  EXPECT_FALSE(TimestampParser::parse_date("1990-07-04T00:00").has_value());
  EXPECT_FALSE(TimestampParser::parse_date("1990-02-30").has_value());
}

}  // namespace
}  // namespace crmsync::model
