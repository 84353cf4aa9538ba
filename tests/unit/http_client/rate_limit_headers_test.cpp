#include "daemon/http_client/rate_limit_headers.hpp"

#include <gtest/gtest.h>

namespace crmsync::http_client {
namespace {

using namespace std::chrono_literals;

sdk::HttpResponse with_headers(sdk::HttpHeaders headers) {
  sdk::HttpResponse response;
  response.status = 200;
  response.headers = std::move(headers);
  return response;
}

TEST(RateLimitHeadersTest, ReadsHubSpotsWindow) {
  const auto snapshot =
      RateLimitHeaders::parse(with_headers({{"x-hubspot-ratelimit-interval-milliseconds", "10000"},
                                            {"x-hubspot-ratelimit-max", "110"},
                                            {"x-hubspot-ratelimit-remaining", "108"}}));
  ASSERT_TRUE(snapshot);
  EXPECT_EQ(snapshot->remaining, 108);
  EXPECT_EQ(snapshot->limit, 110);
  EXPECT_EQ(snapshot->window, 10000ms);
}

TEST(RateLimitHeadersTest, ReadsZohosCreditsAsADailyAllowance) {
  const auto snapshot = RateLimitHeaders::parse(with_headers({{"x-api-credits-remaining", "4200"}}));
  ASSERT_TRUE(snapshot);
  EXPECT_EQ(snapshot->remaining, 4200);
  EXPECT_FALSE(snapshot->window);
}

TEST(RateLimitHeadersTest, ReadsSalesforcesApiUsage) {
  const auto snapshot = RateLimitHeaders::parse(with_headers({{"sforce-limit-info", "api-usage=17/15000"}}));
  ASSERT_TRUE(snapshot);
  EXPECT_EQ(snapshot->remaining, 14983);
  EXPECT_EQ(snapshot->limit, 15000);
}

TEST(RateLimitHeadersTest, ReadsGenericHeadersAndIgnoresEpochResets) {
  auto snapshot = RateLimitHeaders::parse(
      with_headers({{"ratelimit-limit", "100"}, {"ratelimit-remaining", "3"}, {"ratelimit-reset", "30"}}));
  ASSERT_TRUE(snapshot);
  EXPECT_EQ(snapshot->window, 30s);
  snapshot = RateLimitHeaders::parse(with_headers({{"x-ratelimit-limit", "5000"},
                                                   {"x-ratelimit-remaining", "4999"},
                                                   {"x-ratelimit-reset", "1764000000"}}));
  ASSERT_TRUE(snapshot);
  EXPECT_EQ(snapshot->remaining, 4999);
  EXPECT_FALSE(snapshot->window);
}

TEST(RateLimitHeadersTest, FindsNothingInOrdinaryHeaders) {
  EXPECT_FALSE(RateLimitHeaders::parse(with_headers({{"content-type", "application/json"}})));
}

}  // namespace
}  // namespace crmsync::http_client
