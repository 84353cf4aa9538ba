#include "daemon/http_client/retry_policy.hpp"

#include <gtest/gtest.h>

namespace crmsync::http_client {
namespace {

using namespace std::chrono_literals;

sdk::HttpResponse with_retry_after(std::string value) {
  sdk::HttpResponse response;
  response.status = 429;
  response.headers = {{"retry-after", std::move(value)}};
  return response;
}

TEST(RetryPolicyTest, RetriesRateLimitsAndServerErrorsOnly) {
  EXPECT_TRUE(RetryPolicy::is_retryable_status(429));
  EXPECT_TRUE(RetryPolicy::is_retryable_status(500));
  EXPECT_TRUE(RetryPolicy::is_retryable_status(503));
  EXPECT_FALSE(RetryPolicy::is_retryable_status(501));
  EXPECT_FALSE(RetryPolicy::is_retryable_status(400));
  EXPECT_FALSE(RetryPolicy::is_retryable_status(401));
  EXPECT_FALSE(RetryPolicy::is_retryable_status(200));
}

TEST(RetryPolicyTest, ReadsRetryAfterAsSeconds) {
  EXPECT_EQ(RetryPolicy::retry_after(with_retry_after("17"), std::chrono::system_clock::now()), 17s);
}

TEST(RetryPolicyTest, ReadsRetryAfterAsAnHttpDate) {
  // Wed, 21 Oct 2015 07:28:00 GMT is 1445412480 s after the epoch.
  const auto now = std::chrono::system_clock::from_time_t(1445412480 - 90);
  EXPECT_EQ(RetryPolicy::retry_after(with_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), now), 90s);
  // A date in the past means "now".
  EXPECT_EQ(RetryPolicy::retry_after(with_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), now + 1h), 0s);
}

TEST(RetryPolicyTest, IgnoresAMissingOrGarbledRetryAfter) {
  EXPECT_FALSE(RetryPolicy::retry_after(sdk::HttpResponse{}, std::chrono::system_clock::now()));
  EXPECT_FALSE(RetryPolicy::retry_after(with_retry_after("soon"), std::chrono::system_clock::now()));
}

TEST(RetryPolicyTest, BacksOffExponentiallyWithJitterUpToTheCeiling) {
  RetryPolicy policy(RetryPolicy::Settings{500ms, 8000ms}, 42);
  for (int round = 0; round < 50; ++round) {
    const auto first = policy.backoff(2);
    EXPECT_GE(first, 250ms);
    EXPECT_LE(first, 500ms);
    const auto third = policy.backoff(4);
    EXPECT_GE(third, 1000ms);
    EXPECT_LE(third, 2000ms);
    const auto late = policy.backoff(30);
    EXPECT_GE(late, 4000ms);
    EXPECT_LE(late, 8000ms);
  }
}

TEST(RetryPolicyTest, JitterSpreadsClientsApart) {
  RetryPolicy one(RetryPolicy::Settings{}, 1);
  RetryPolicy two(RetryPolicy::Settings{}, 2);
  int different = 0;
  for (int i = 0; i < 20; ++i) different += one.backoff(5) != two.backoff(5) ? 1 : 0;
  EXPECT_GT(different, 15);
}

}  // namespace
}  // namespace crmsync::http_client
