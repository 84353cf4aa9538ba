#include "daemon/http_client/curl_http_service.hpp"

#include <stdexcept>

#include <curl/curl.h>

#include "daemon/http_client/curl_http_client.hpp"
#include "daemon/http_client/steady_retry_clock.hpp"

namespace crmsync::http_client {
namespace {

void initialise_libcurl_once() {
  // curl_global_init is not thread-safe; every service goes through here first.
  static const CURLcode status = curl_global_init(CURL_GLOBAL_DEFAULT);
  if (status != CURLE_OK)
    throw std::runtime_error(std::string("libcurl failed to start: ") + curl_easy_strerror(status));
}

}  // namespace

CurlHttpService::CurlHttpService(std::shared_ptr<RetryClock> clock, RetryPolicy::Settings retry_settings)
    : clock_(std::move(clock)), retry_settings_(retry_settings) {
  initialise_libcurl_once();
}

CurlHttpService& CurlHttpService::process_wide() {
  static CurlHttpService service(std::make_shared<SteadyRetryClock>());
  return service;
}

std::shared_ptr<RequestBudget> CurlHttpService::budget(const std::string& key, double requests_per_second,
                                                       int burst) {
  if (key.empty()) return std::make_shared<RequestBudget>(requests_per_second, burst, clock_->now());
  std::lock_guard lock(mutex_);
  auto& shared = budgets_[key];
  if (!shared) {
    shared = std::make_shared<RequestBudget>(requests_per_second, burst, clock_->now());
  } else {
    shared->limit_rate(requests_per_second, burst);
  }
  return shared;
}

std::unique_ptr<sdk::HttpClient> CurlHttpService::create_client(const sdk::HttpClientOptions& options) {
  return create_client(options, nullptr);
}

std::unique_ptr<sdk::HttpClient> CurlHttpService::create_client(const sdk::HttpClientOptions& options,
                                                                sdk::Logger* logger) {
  return std::make_unique<CurlHttpClient>(
      options, budget(options.budget_key, options.requests_per_second, options.burst), *clock_,
      RetryPolicy(retry_settings_), logger);
}

}  // namespace crmsync::http_client
