#include "daemon/http_client/request_budget.hpp"

#include <gtest/gtest.h>

namespace crmsync::http_client {
namespace {

using namespace std::chrono_literals;
const auto kStart = std::chrono::steady_clock::time_point{} + 1000s;

TEST(RequestBudgetTest, LetsABurstThroughThenPacesAtTheRate) {
  RequestBudget budget(5.0, 3, kStart);
  EXPECT_EQ(budget.reserve(kStart), 0ns);
  EXPECT_EQ(budget.reserve(kStart), 0ns);
  EXPECT_EQ(budget.reserve(kStart), 0ns);
  EXPECT_EQ(budget.reserve(kStart), 200ms);
  EXPECT_EQ(budget.reserve(kStart), 400ms);  // queued behind the one before
}

TEST(RequestBudgetTest, RefillsWhileIdleButNotBeyondTheBurst) {
  RequestBudget budget(1.0, 2, kStart);
  (void)budget.reserve(kStart);
  (void)budget.reserve(kStart);
  const auto later = kStart + 60s;
  EXPECT_EQ(budget.reserve(later), 0ns);
  EXPECT_EQ(budget.reserve(later), 0ns);
  EXPECT_EQ(budget.reserve(later), 1s);
}

TEST(RequestBudgetTest, SpreadsTheLastOfAWindowWhenTheVendorSaysItIsRunningLow) {
  RequestBudget budget(100.0, 10, kStart);
  budget.observe(RateLimitSnapshot{10, 110, std::chrono::milliseconds(10000)}, kStart);
  EXPECT_DOUBLE_EQ(budget.current_rate(kStart), 1.0);  // 10 left for 10 s
  EXPECT_DOUBLE_EQ(budget.current_rate(kStart + 11s), 100.0);
}

TEST(RequestBudgetTest, IgnoresHeadersThatShowPlentyLeft) {
  RequestBudget budget(10.0, 10, kStart);
  budget.observe(RateLimitSnapshot{100, 110, std::chrono::milliseconds(10000)}, kStart);
  EXPECT_DOUBLE_EQ(budget.current_rate(kStart), 10.0);
}

TEST(RequestBudgetTest, WaitsOutTheWindowWhenNothingIsLeft) {
  RequestBudget budget(10.0, 10, kStart);
  budget.observe(RateLimitSnapshot{0, 110, std::chrono::milliseconds(10000)}, kStart);
  EXPECT_GE(budget.reserve(kStart), 10s);
}

TEST(RequestBudgetTest, CrawlsNearTheEndOfADailyAllowance) {
  RequestBudget budget(10.0, 10, kStart);
  budget.observe(RateLimitSnapshot{5000, std::nullopt, std::nullopt}, kStart);
  EXPECT_DOUBLE_EQ(budget.current_rate(kStart), 10.0);
  budget.observe(RateLimitSnapshot{20, std::nullopt, std::nullopt}, kStart);
  EXPECT_LT(budget.current_rate(kStart), 1.0);
}

TEST(RequestBudgetTest, APauseHoldsBackEveryReservation) {
  RequestBudget budget(10.0, 10, kStart);
  budget.pause_until(kStart + 7s);
  EXPECT_EQ(budget.reserve(kStart + 2s), 5s);
}

TEST(RequestBudgetTest, SharedKeysKeepTheLowerRate) {
  RequestBudget budget(10.0, 10, kStart);
  budget.limit_rate(2.0, 1);
  EXPECT_DOUBLE_EQ(budget.current_rate(kStart), 2.0);
  EXPECT_EQ(budget.reserve(kStart), 0ns);
  EXPECT_EQ(budget.reserve(kStart), 500ms);
}

}  // namespace
}  // namespace crmsync::http_client
