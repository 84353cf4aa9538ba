#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "crmsync/sdk/host.hpp"
#include "crmsync/sdk/http.hpp"

#include "daemon/http_client/request_budget.hpp"
#include "daemon/http_client/retry_clock.hpp"
#include "daemon/http_client/retry_policy.hpp"

namespace crmsync::http_client {

// The host's HTTP service: makes clients and owns the request budgets they
// share, one per budget key (one per credential), for the whole process.
class CurlHttpService final : public sdk::HttpService {
 public:
  explicit CurlHttpService(std::shared_ptr<RetryClock> clock, RetryPolicy::Settings retry_settings = {});

  // The one service every connector instance of this process shares.
  static CurlHttpService& process_wide();

  [[nodiscard]] std::unique_ptr<sdk::HttpClient> create_client(
      const sdk::HttpClientOptions& options) override;
  // As create_client, with debug lines going to `logger` (may be null).
  [[nodiscard]] std::unique_ptr<sdk::HttpClient> create_client(const sdk::HttpClientOptions& options,
                                                               sdk::Logger* logger);

  // The budget of `key`, created with these limits if it does not exist yet.
  [[nodiscard]] std::shared_ptr<RequestBudget> budget(const std::string& key, double requests_per_second,
                                                      int burst);

 private:
  std::shared_ptr<RetryClock> clock_;
  RetryPolicy::Settings retry_settings_;
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<RequestBudget>> budgets_;
};

}  // namespace crmsync::http_client
