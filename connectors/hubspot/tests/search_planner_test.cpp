#include "search_planner.hpp"

#include <gtest/gtest.h>

namespace crmsync::hubspot {
namespace {

TEST(SearchPlannerTest, StopsWithoutANextPage) {
  const SearchPlanner planner(100, std::nullopt);
  std::string error;
  EXPECT_FALSE(planner.next(SearchRequest{5, "", std::nullopt}, std::nullopt, SyncPosition{9, {"a"}}, error));
  EXPECT_TRUE(error.empty());
}

TEST(SearchPlannerTest, StartsAFreshSearchOnceTimeMovedOn) {
  const SearchPlanner planner(100, std::nullopt);
  std::string error;
  const auto next =
      planner.next(SearchRequest{5, "300", std::nullopt}, std::string("400"), SyncPosition{9, {"a"}}, error);
  ASSERT_TRUE(next);
  EXPECT_EQ(next->since, 9);
  EXPECT_TRUE(next->after.empty());
}

TEST(SearchPlannerTest, FollowsAfterWhileTheTimeStandsStill) {
  const SearchPlanner planner(100, std::nullopt);
  std::string error;
  const auto next =
      planner.next(SearchRequest{5, "100", std::nullopt}, std::string("200"), SyncPosition{5, {"a"}}, error);
  ASSERT_TRUE(next);
  EXPECT_EQ(next->after, "200");
}

TEST(SearchPlannerTest, RefusesToPagePastTenThousandResults) {
  const SearchPlanner planner(200, std::nullopt);
  std::string error;
  EXPECT_FALSE(planner.next(SearchRequest{5, "9800", std::nullopt}, std::string("9900"),
                            SyncPosition{5, {"a"}}, error));
  EXPECT_NE(error.find("10000"), std::string::npos);
}

TEST(SearchPlannerTest, BodyFiltersInclusivelyAndSortsAscending) {
  const SearchPlanner planner(150, std::nullopt);
  const auto& deals = *find_hubspot_object("orders");
  const auto body = planner.body(SearchRequest{1767225600123, "300", std::nullopt}, deals);
  const auto& filter = body["filterGroups"][0]["filters"][0];
  EXPECT_EQ(filter["propertyName"], "hs_lastmodifieddate");
  EXPECT_EQ(filter["operator"], "GTE");
  EXPECT_EQ(filter["value"], "1767225600123");
  EXPECT_EQ(body["sorts"][0]["direction"], "ASCENDING");
  EXPECT_EQ(body["limit"], 150);
  EXPECT_EQ(body["after"], "300");
  const auto contacts = planner.body(SearchRequest{}, *find_hubspot_object("contacts"));
  EXPECT_TRUE(contacts["filterGroups"].empty());
  EXPECT_EQ(contacts["sorts"][0]["propertyName"], "lastmodifieddate");
  EXPECT_FALSE(contacts.contains("after"));
}

TEST(SearchPlannerTest, SettledBoundIsAnInclusiveUpperFilterKeptAcrossPages) {
  const SearchPlanner planner(100, 1767225600999);
  std::string error;
  const auto first = planner.first(SyncPosition{});
  const auto body = planner.body(first, *find_hubspot_object("contacts"));
  const auto& filter = body["filterGroups"][0]["filters"][0];
  EXPECT_EQ(filter["operator"], "LTE");
  EXPECT_EQ(filter["value"], "1767225600999");
  const auto next =
      planner.next(SearchRequest{5, "100", 1767225600999}, std::string("200"), SyncPosition{5, {"a"}}, error);
  ASSERT_TRUE(next);
  EXPECT_EQ(next->until, 1767225600999);
}

}  // namespace
}  // namespace crmsync::hubspot
