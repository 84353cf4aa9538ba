#include "page_planner.hpp"

#include <gtest/gtest.h>

namespace crmsync::zoho_crm {
namespace {

PageInfo more(std::optional<std::string> token = std::nullopt) {
  PageInfo info;
  info.more_records = true;
  info.next_page_token = std::move(token);
  return info;
}

TEST(PagePlannerTest, StopsWhenZohoSaysNoMoreRecords) {
  const PagePlanner planner(200);
  std::string error;
  EXPECT_FALSE(planner.next(PageRequest{100, 1, {}}, PageInfo{}, SyncPosition{100, {"a"}}, error));
  EXPECT_TRUE(error.empty());
}

TEST(PagePlannerTest, StartsAFreshQueryFromThePositionOnceTimeMovedOn) {
  const PagePlanner planner(200);
  std::string error;
  const auto next = planner.next(PageRequest{100, 3, {}}, more("tok"), SyncPosition{250, {"x"}}, error);
  ASSERT_TRUE(next);
  EXPECT_EQ(next->since, 250);
  EXPECT_EQ(next->page, 1);
  EXPECT_TRUE(next->page_token.empty());
}

TEST(PagePlannerTest, WalksOnByPageNumberWhileTheTimeStandsStill) {
  const PagePlanner planner(200);
  std::string error;
  const auto next = planner.next(PageRequest{100, 2, {}}, more("tok"), SyncPosition{100, {"x"}}, error);
  ASSERT_TRUE(next);
  EXPECT_EQ(next->page, 3);
  EXPECT_TRUE(next->page_token.empty());
}

TEST(PagePlannerTest, SwitchesToThePageTokenPastRecordTwoThousand) {
  const PagePlanner planner(200);
  std::string error;
  const auto next = planner.next(PageRequest{100, 10, {}}, more("tok11"), SyncPosition{100, {"x"}}, error);
  ASSERT_TRUE(next);
  EXPECT_EQ(next->page_token, "tok11");
  EXPECT_EQ(planner.query(*next, "Email").find("&page="), std::string::npos)
      << "page and page_token exclude each other";
}

TEST(PagePlannerTest, KeepsUsingTokensOnceStarted) {
  const PagePlanner planner(50);
  std::string error;
  const auto next =
      planner.next(PageRequest{100, 12, "tok12"}, more("tok13"), SyncPosition{100, {"x"}}, error);
  ASSERT_TRUE(next);
  EXPECT_EQ(next->page_token, "tok13");
}

TEST(PagePlannerTest, ReportsWhenNoTokenLeadsPastTheLimit) {
  const PagePlanner planner(200);
  std::string error;
  EXPECT_FALSE(planner.next(PageRequest{100, 10, {}}, more(), SyncPosition{100, {"x"}}, error));
  EXPECT_NE(error.find("next_page_token"), std::string::npos);
}

TEST(PagePlannerTest, ReadsInfoWithoutTokenKeysOrWithNullTokens) {
  const auto real = PageInfo::from_body(nlohmann::json::parse(
      R"({"data":[],"info":{"per_page":200,"count":16,"page":1,"sort_by":"Modified_Time","sort_order":"asc","more_records":false}})"));
  EXPECT_FALSE(real.more_records);
  EXPECT_FALSE(real.next_page_token);
  const auto documented = PageInfo::from_body(nlohmann::json::parse(
      R"({"info":{"more_records":true,"next_page_token":null,"previous_page_token":null}})"));
  EXPECT_TRUE(documented.more_records);
  EXPECT_FALSE(documented.next_page_token);
  EXPECT_FALSE(PageInfo::from_body(nlohmann::json::parse("{}")).more_records);
}

TEST(PagePlannerTest, QueryAsksForModifiedTimeOrderAndThePageSize) {
  const PagePlanner planner(150);
  const std::string query = planner.query(PageRequest{std::nullopt, 2, {}}, "Email,Modified_Time");
  EXPECT_NE(query.find("sort_by=Modified_Time&sort_order=asc"), std::string::npos);
  EXPECT_NE(query.find("per_page=150"), std::string::npos);
  EXPECT_NE(query.find("page=2"), std::string::npos);
  EXPECT_NE(query.find("fields=Email%2CModified_Time"), std::string::npos);
}

}  // namespace
}  // namespace crmsync::zoho_crm
