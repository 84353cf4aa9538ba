#include "daemon/http_client/retry_policy.hpp"

#include <algorithm>
#include <charconv>

#include <curl/curl.h>

namespace crmsync::http_client {

RetryPolicy::RetryPolicy(Settings settings, std::uint32_t seed) : settings_(settings), random_(seed) {}

bool RetryPolicy::is_retryable_status(long status) {
  // 501 and 505 say the request can never work; every other 5xx may pass later.
  return status == 429 || (status >= 500 && status <= 599 && status != 501 && status != 505);
}

std::optional<std::chrono::seconds> RetryPolicy::retry_after(const sdk::HttpResponse& response,
                                                             std::chrono::system_clock::time_point now) {
  const auto value = response.header("retry-after");
  if (!value || value->empty()) return std::nullopt;
  long seconds = 0;
  const char* begin = value->data();
  const char* end = begin + value->size();
  const auto [rest, error] = std::from_chars(begin, end, seconds);
  if (error == std::errc{} && rest == end) return std::chrono::seconds(std::max(0L, seconds));
  const time_t date = curl_getdate(value->c_str(), nullptr);
  if (date < 0) return std::nullopt;
  const auto wait = std::chrono::system_clock::from_time_t(date) - now;
  return std::max(std::chrono::seconds(0), std::chrono::ceil<std::chrono::seconds>(wait));
}

std::chrono::milliseconds RetryPolicy::backoff(int next_attempt) {
  const int doublings = std::clamp(next_attempt - 2, 0, 20);
  const auto ceiling = std::min<long long>(settings_.longest_delay.count(),
                                           settings_.first_delay.count() * (1LL << doublings));
  // "Equal jitter": at least half the step, so retries from many streams spread
  // out without ever retrying at once.
  std::uniform_int_distribution<long long> spread(ceiling / 2, ceiling);
  return std::chrono::milliseconds(spread(random_));
}

}  // namespace crmsync::http_client
