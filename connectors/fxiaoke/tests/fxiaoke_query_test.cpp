#include "fxiaoke_query.hpp"

#include <gtest/gtest.h>

namespace crmsync::fxiaoke {
namespace {

FxiaokeCursor cursor_at(std::int64_t millis, const std::string& id) {
  FxiaokeCursor cursor;
  cursor.advance(millis, id);
  return cursor;
}

TEST(FxiaokeQueryTest, FirstPageHasNoFilterAndOffsetZero) {
  const auto data = FxiaokeQuery::page("AccountObj", FxiaokeCursor{}, FxiaokeQuery::Step::from_cursor, 100);
  EXPECT_EQ(data["dataObjectApiName"], "AccountObj");
  EXPECT_TRUE(data["search_query_info"]["filters"].empty());
  EXPECT_EQ(data["search_query_info"]["offset"], 0);
  EXPECT_EQ(data["search_query_info"]["limit"], 100);
  EXPECT_EQ(data["search_query_info"]["orders"][0]["fieldName"], "last_modified_time");
  EXPECT_EQ(data["search_query_info"]["orders"][1]["fieldName"], "_id");
}

TEST(FxiaokeQueryTest, FromCursorIsInclusiveWithValuesAsAListOfStrings) {
  const auto data =
      FxiaokeQuery::page("AccountObj", cursor_at(1714550400000, "65a1"), FxiaokeQuery::Step::from_cursor, 50);
  const auto& filter = data["search_query_info"]["filters"][0];
  EXPECT_EQ(filter["field_name"], "last_modified_time");
  EXPECT_EQ(filter["operator"], "GTE");
  EXPECT_EQ(filter["field_values"], nlohmann::json::array({"1714550400000"}));
}

TEST(FxiaokeQueryTest, TiesAtOneTimeArePagedBy_idWithoutOffsets) {
  const auto data = FxiaokeQuery::page("AccountObj", cursor_at(1714550400000, "65a1"),
                                       FxiaokeQuery::Step::ties_at_time, 100);
  const auto& filters = data["search_query_info"]["filters"];
  ASSERT_EQ(filters.size(), 2U);
  EXPECT_EQ(filters[0]["operator"], "EQ");
  EXPECT_EQ(filters[1]["field_name"], "_id");
  EXPECT_EQ(filters[1]["operator"], "GT");
  EXPECT_EQ(filters[1]["field_values"][0], "65a1");
  EXPECT_EQ(data["search_query_info"]["orders"].size(), 1U);
  EXPECT_EQ(data["search_query_info"]["offset"], 0);
}

TEST(FxiaokeQueryTest, LinesAreAskedForByOrderIds) {
  const auto data = FxiaokeQuery::lines("SalesOrderProductObj", {"o1", "o2"}, "", 100);
  EXPECT_EQ(data["dataObjectApiName"], "SalesOrderProductObj");
  const auto& filter = data["search_query_info"]["filters"][0];
  EXPECT_EQ(filter["operator"], "IN");
  EXPECT_EQ(filter["field_values"], nlohmann::json::array({"o1", "o2"}));
}

}  // namespace
}  // namespace crmsync::fxiaoke
