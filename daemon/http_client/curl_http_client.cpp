#include "daemon/http_client/curl_http_client.hpp"

#include <algorithm>

#include "daemon/http_client/endpoint_policy.hpp"
#include "daemon/http_client/http_log_line.hpp"
#include "daemon/http_client/rate_limit_headers.hpp"

namespace crmsync::http_client {
namespace {

sdk::HttpResult failed(std::string error, sdk::HttpResponse last = {}) {
  sdk::HttpResult result;
  result.kind = sdk::HttpResult::Kind::failed;
  result.error = std::move(error);
  result.response = std::move(last);
  return result;
}

sdk::HttpResult retry_later(std::chrono::nanoseconds delay, std::string error, sdk::HttpResponse last) {
  sdk::HttpResult result;
  result.kind = sdk::HttpResult::Kind::retry_later;
  result.retry_after = std::max(std::chrono::seconds(1), std::chrono::ceil<std::chrono::seconds>(delay));
  result.error = std::move(error);
  result.response = std::move(last);
  return result;
}

sdk::HttpResult answered(sdk::HttpResponse response) {
  sdk::HttpResult result;
  result.kind = sdk::HttpResult::Kind::response;
  result.response = std::move(response);
  return result;
}

}  // namespace

CurlHttpClient::CurlHttpClient(const sdk::HttpClientOptions& options, std::shared_ptr<RequestBudget> budget,
                               RetryClock& clock, RetryPolicy policy, sdk::Logger* logger)
    : options_(options),
      budget_(std::move(budget)),
      clock_(clock),
      policy_(policy),
      logger_(logger),
      connection_(options.timeout, options.ca_file) {}

void CurlHttpClient::invalidate_token() {
  tokens_.invalidate();
}

std::string CurlHttpClient::redacted(const std::string& text) const {
  const sdk::AccessToken* token = tokens_.last();
  return HttpLogLine(token ? std::vector<std::string>{token->value} : std::vector<std::string>{})
      .redact_text(text);
}

void CurlHttpClient::debug(const std::string& line) const {
  if (logger_ != nullptr) logger_->debug(line);
}

bool CurlHttpClient::wait_within(std::chrono::nanoseconds delay, TimePoint deadline) {
  if (clock_.now() + delay > deadline) return false;
  if (delay > std::chrono::nanoseconds::zero()) clock_.sleep_for(delay);
  return true;
}

sdk::HttpResult CurlHttpClient::send(sdk::HttpRequest request) {
  if (auto refusal = EndpointPolicy::refusal(request.url)) return failed(redacted(*refusal));
  const TimePoint deadline = clock_.now() + options_.max_wait;
  const bool authorizes = request.authorize && options_.token_source != nullptr;
  for (int round = 1;; ++round) {
    sdk::HttpRequest outgoing = request;
    if (authorizes) {
      if (auto failure = authorize(outgoing, deadline)) return *failure;
    }
    sdk::HttpResult result = deliver(outgoing, deadline, true);
    if (!result.ok() || !authorizes || !options_.token_source->rejects_token(result.response)) return result;
    if (round == 2) {
      return failed("the server rejected a freshly fetched access token (HTTP " +
                        std::to_string(result.response.status) + "): check the credentials and their scopes",
                    result.response);
    }
    debug("http: access token rejected (HTTP " + std::to_string(result.response.status) +
          "); fetching a new one and resending once");
    tokens_.invalidate();
  }
}

std::optional<sdk::HttpResult> CurlHttpClient::authorize(sdk::HttpRequest& request, TimePoint deadline) {
  if (const sdk::AccessToken* token = tokens_.usable(clock_.now())) {
    options_.token_source->apply(*token, request);
    return std::nullopt;
  }
  sdk::HttpRequest token_request = options_.token_source->token_request();
  token_request.authorize = false;
  if (auto refusal = EndpointPolicy::refusal(token_request.url))
    return failed("token endpoint: " + redacted(*refusal));
  sdk::HttpResult answer = deliver(token_request, deadline, false);
  if (!answer.ok()) {
    answer.error = "token endpoint: " + answer.error;
    return answer;
  }
  std::string error;
  std::optional<sdk::AccessToken> token = options_.token_source->parse_token(answer.response, error);
  if (!token) {
    return failed("token endpoint refused (HTTP " + std::to_string(answer.response.status) +
                      "): " + HttpLogLine::redact_fields(error),
                  answer.response);
  }
  tokens_.store(std::move(*token), clock_.now());
  options_.token_source->apply(*tokens_.last(), request);
  return std::nullopt;
}

void CurlHttpClient::observe_limits(const sdk::HttpResponse& answer) {
  const auto limits = RateLimitHeaders::parse(answer);
  if (!limits) return;
  // A Retry-After is the server's own word and beats what the limit headers suggest.
  if (answer.status == 429 && RetryPolicy::retry_after(answer, std::chrono::system_clock::now())) return;
  budget_->observe(*limits, clock_.now());
}

std::chrono::nanoseconds CurlHttpClient::retry_delay(const sdk::HttpResponse& answer, int attempt,
                                                     bool paced) {
  const auto asked = RetryPolicy::retry_after(answer, std::chrono::system_clock::now());
  const std::chrono::nanoseconds delay =
      asked ? std::chrono::nanoseconds(*asked) : policy_.backoff(attempt + 1);
  if (answer.status != 429 || !paced) return delay;
  // Everyone on this credential holds back, not only this stream: the budget
  // makes the next reserve() wait.
  budget_->pause_until(clock_.now() + delay);
  return std::chrono::nanoseconds::zero();
}

sdk::HttpResult CurlHttpClient::deliver(const sdk::HttpRequest& request, TimePoint deadline, bool paced) {
  const sdk::AccessToken* token = tokens_.last();
  const HttpLogLine log_line(token ? std::vector<std::string>{token->value} : std::vector<std::string>{});
  sdk::HttpResponse last;
  std::string last_problem;
  for (int attempt = 1;; ++attempt) {
    if (paced) {
      const auto pace = budget_->reserve(clock_.now());
      if (!wait_within(pace, deadline)) {
        return retry_later(pace,
                           "waiting for this credential's request budget would pass max_wait (" +
                               std::to_string(options_.max_wait.count()) + " s)" +
                               (last_problem.empty() ? "" : "; last answer " + last_problem),
                           last);
      }
    }
    debug(log_line.request(request, attempt));
    TransportOutcome outcome = connection_.perform(request);
    std::chrono::nanoseconds delay{0};
    if (!outcome.answered) {
      const std::string problem = log_line.redact_text(outcome.error);
      if (!outcome.retryable)
        return failed(request.method + ' ' + log_line.redact_text(request.url) + ": " + problem);
      debug("http: network error on attempt " + std::to_string(attempt) + ": " + problem);
      last_problem = "network error: " + problem;
      delay = policy_.backoff(attempt + 1);
    } else {
      debug(log_line.response(request, outcome.response));
      last = std::move(outcome.response);
      if (paced) observe_limits(last);
      if (!RetryPolicy::is_retryable_status(last.status)) return answered(std::move(last));
      last_problem = "HTTP " + std::to_string(last.status);
      delay = retry_delay(last, attempt, paced);
    }
    const std::string where = request.method + ' ' + log_line.redact_text(request.url);
    if (attempt >= options_.max_attempts) {
      return retry_later(
          std::max(delay, std::chrono::nanoseconds(policy_.backoff(attempt + 1))),
          where + ": gave up after " + std::to_string(attempt) + " attempts, last " + last_problem, last);
    }
    if (!wait_within(delay, deadline)) {
      return retry_later(
          delay, where + ": " + last_problem + "; the next try is due later than max_wait allows", last);
    }
  }
}

}  // namespace crmsync::http_client
