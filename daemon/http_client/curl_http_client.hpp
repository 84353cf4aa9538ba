#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "crmsync/sdk/host.hpp"
#include "crmsync/sdk/http.hpp"

#include "daemon/http_client/curl_connection.hpp"
#include "daemon/http_client/request_budget.hpp"
#include "daemon/http_client/retry_clock.hpp"
#include "daemon/http_client/retry_policy.hpp"
#include "daemon/http_client/token_cache.hpp"

namespace crmsync::http_client {

// A connector's HTTP client: paces requests by the shared budget, retries 429,
// 5xx and network errors with backoff (honouring Retry-After), attaches and
// refreshes the OAuth token, and logs each exchange at debug level, redacted.
class CurlHttpClient final : public sdk::HttpClient {
 public:
  CurlHttpClient(const sdk::HttpClientOptions& options, std::shared_ptr<RequestBudget> budget,
                 RetryClock& clock, RetryPolicy policy, sdk::Logger* logger);

  sdk::HttpResult send(sdk::HttpRequest request) override;
  void invalidate_token() override;

 private:
  using TimePoint = std::chrono::steady_clock::time_point;

  // Sends with retries; `paced` requests take from the budget (token requests do not).
  sdk::HttpResult deliver(const sdk::HttpRequest& request, TimePoint deadline, bool paced);
  // Lets the shared budget learn from the vendor's rate-limit headers.
  void observe_limits(const sdk::HttpResponse& answer);
  // How long to wait before retrying this answer (zero when a budget pause does the waiting).
  std::chrono::nanoseconds retry_delay(const sdk::HttpResponse& answer, int attempt, bool paced);
  // Puts a usable token on `request`, fetching one first if needed; a result on failure.
  std::optional<sdk::HttpResult> authorize(sdk::HttpRequest& request, TimePoint deadline);
  // Sleeps `delay` unless that would pass the deadline; false means "give up now".
  bool wait_within(std::chrono::nanoseconds delay, TimePoint deadline);
  void debug(const std::string& line) const;
  [[nodiscard]] std::string redacted(const std::string& text) const;

  sdk::HttpClientOptions options_;
  std::shared_ptr<RequestBudget> budget_;
  RetryClock& clock_;
  RetryPolicy policy_;
  sdk::Logger* logger_;
  CurlConnection connection_;
  TokenCache tokens_;
};

}  // namespace crmsync::http_client
