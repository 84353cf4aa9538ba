#include "zoho_cursor.hpp"

#include <gtest/gtest.h>

#include "iso_timestamp.hpp"

namespace crmsync::zoho_crm {
namespace {

TEST(ZohoCursorTest, EmptyTextIsTheBeginning) {
  std::string error;
  const auto cursor = ZohoCursor::parse("", error);
  ASSERT_TRUE(cursor);
  EXPECT_FALSE(cursor->modified.started());
  EXPECT_FALSE(cursor->deleted.started());
}

TEST(ZohoCursorTest, RoundTripsTimesAndIdsSeenAtThatTime) {
  ZohoCursor cursor;
  cursor.modified.advance(*parse_iso_timestamp("2026-05-14T11:36:19+03:00"), "b");
  cursor.modified.advance(*parse_iso_timestamp("2026-05-14T08:36:19Z"), "a");
  cursor.deleted.advance(*parse_iso_timestamp("2026-05-15T00:00:00Z"), "z");
  std::string error;
  const auto back = ZohoCursor::parse(cursor.serialize(), error);
  ASSERT_TRUE(back) << error;
  EXPECT_EQ(back->modified.ids_at_time(), (std::set<std::string>{"a", "b"}));
  EXPECT_TRUE(back->modified.covers(*parse_iso_timestamp("2026-05-14T08:36:19Z"), "a"));
  EXPECT_FALSE(back->modified.covers(*parse_iso_timestamp("2026-05-14T08:36:19Z"), "c"));
  EXPECT_TRUE(back->deleted.covers(*parse_iso_timestamp("2026-05-15T00:00:00Z"), "z"));
}

TEST(ZohoCursorTest, LaterTimeForgetsTheIdsOfTheEarlierSecond) {
  SyncPosition position;
  position.advance(100, "a");
  position.advance(101, "b");
  EXPECT_EQ(position.ids_at_time(), (std::set<std::string>{"b"}));
  EXPECT_TRUE(position.covers(100, "x")) << "anything before the position was taken";
}

TEST(ZohoCursorTest, RefusesTextItDidNotWrite) {
  std::string error;
  EXPECT_FALSE(ZohoCursor::parse("page=3", error));
  EXPECT_FALSE(error.empty());
  EXPECT_FALSE(ZohoCursor::parse(R"({"modified":{"time":"yesterday"}})", error));
}

TEST(IsoTimestampTest, ReadsOffsetsZuluAndFractions) {
  EXPECT_EQ(parse_iso_timestamp("2026-05-14T11:36:19+03:00"), parse_iso_timestamp("2026-05-14T08:36:19Z"));
  EXPECT_EQ(parse_iso_timestamp("2026-05-14T14:06:19+0530"), parse_iso_timestamp("2026-05-14T08:36:19.250Z"));
  EXPECT_EQ(parse_iso_timestamp("2026-05-13T23:36:19-09:00"),
            parse_iso_timestamp("2026-05-14T08:36:19+00:00"));
  EXPECT_FALSE(parse_iso_timestamp("2026-02-30T00:00:00Z"));
  EXPECT_FALSE(parse_iso_timestamp("14.05.2026"));
  EXPECT_EQ(format_utc_timestamp(*parse_iso_timestamp("2026-05-14T11:36:19+03:00")),
            "2026-05-14T08:36:19+00:00");
}

}  // namespace
}  // namespace crmsync::zoho_crm
