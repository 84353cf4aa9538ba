#include "stream_cursor.hpp"

#include <gtest/gtest.h>

#include "odoo_timestamp.hpp"

namespace crmsync::odoo {
namespace {

std::chrono::sys_seconds at(const char* text) {
  return *odoo_timestamp::parse(text);
}

TEST(StreamCursorTest, EmptyTextIsTheStartOfTheStream) {
  std::string error;
  const auto cursor = StreamCursor::decode("", error);
  ASSERT_TRUE(cursor);
  EXPECT_FALSE(cursor->since);
  EXPECT_EQ(cursor->domain_after(nlohmann::json::array()).dump(), "[]");
}

TEST(StreamCursorTest, RemembersIdsDeliveredWithinTheLastSecond) {
  StreamCursor cursor;
  cursor.advance(at("2024-05-02 09:15:00"), 7);
  cursor.advance(at("2024-05-02 09:15:00"), 3);
  EXPECT_EQ(cursor.domain_after(nlohmann::json::array()).dump(),
            R"([["write_date",">=","2024-05-02 09:15:00"],"|",["write_date",">=","2024-05-02 09:15:01"],)"
            R"(["id","not in",[3,7]]])");
  cursor.advance(at("2024-05-02 09:15:01"), 2);
  EXPECT_EQ(cursor.seen_at_since, (std::set<std::int64_t>{2}));
}

TEST(StreamCursorTest, AnOlderRecordDoesNotMoveTheCursorBack) {
  StreamCursor cursor;
  cursor.advance(at("2024-05-02 09:15:00"), 7);
  cursor.advance(at("2024-05-01 00:00:00"), 8);
  EXPECT_EQ(odoo_timestamp::domain_value(*cursor.since), "2024-05-02 09:15:00");
  EXPECT_EQ(cursor.seen_at_since, (std::set<std::int64_t>{7}));
}

TEST(StreamCursorTest, SurvivesARoundTripThroughText) {
  StreamCursor cursor;
  cursor.advance(at("2024-05-02 09:15:00"), 7);
  for (int id = 1; id <= 100; ++id) cursor.known.add(id);
  cursor.scanned_at = at("2024-05-03 00:00:00");
  std::string error;
  const auto read = StreamCursor::decode(cursor.encode(), error);
  ASSERT_TRUE(read) << error;
  EXPECT_EQ(read->encode(), cursor.encode());
  EXPECT_EQ(read->known.size(), 100u);
}

TEST(StreamCursorTest, RefusesTextItDidNotWrite) {
  std::string error;
  EXPECT_FALSE(StreamCursor::decode("2024-05-02", error));
  EXPECT_NE(error.find("not a cursor"), std::string::npos);
  EXPECT_FALSE(StreamCursor::decode(R"({"v":1,"since":"yesterday"})", error));
  EXPECT_NE(error.find("since"), std::string::npos);
}

}  // namespace
}  // namespace crmsync::odoo
