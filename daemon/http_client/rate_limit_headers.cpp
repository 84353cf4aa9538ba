#include "daemon/http_client/rate_limit_headers.hpp"

#include <charconv>
#include <string>

namespace crmsync::http_client {
namespace {

std::optional<long> number_in(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  const char* begin = text->data();
  const char* end = begin + text->size();
  while (begin < end && (*begin == ' ' || *begin == '\t')) ++begin;
  long value = 0;
  const auto [rest, error] = std::from_chars(begin, end, value);
  if (error != std::errc{} || rest == begin) return std::nullopt;
  return value;
}

std::optional<RateLimitSnapshot> hubspot(const sdk::HttpResponse& response) {
  const auto remaining = number_in(response.header("x-hubspot-ratelimit-remaining"));
  if (!remaining) return std::nullopt;
  RateLimitSnapshot snapshot{*remaining, number_in(response.header("x-hubspot-ratelimit-max")), std::nullopt};
  if (const auto interval = number_in(response.header("x-hubspot-ratelimit-interval-milliseconds"))) {
    snapshot.window = std::chrono::milliseconds(*interval);
  }
  return snapshot;
}

std::optional<RateLimitSnapshot> zoho_credits(const sdk::HttpResponse& response) {
  // Sent only once half of the daily credits are gone; the daily total is not in the headers.
  const auto remaining = number_in(response.header("x-api-credits-remaining"));
  if (!remaining) return std::nullopt;
  return RateLimitSnapshot{*remaining, std::nullopt, std::nullopt};
}

std::optional<RateLimitSnapshot> salesforce(const sdk::HttpResponse& response) {
  // Sforce-Limit-Info: api-usage=17/15000 (a rolling 24 h allowance)
  const auto info = response.header("sforce-limit-info");
  if (!info) return std::nullopt;
  const auto equals = info->find("api-usage=");
  const auto slash = info->find('/', equals);
  if (equals == std::string::npos || slash == std::string::npos) return std::nullopt;
  const auto used = number_in(info->substr(equals + 10, slash - equals - 10));
  const auto limit = number_in(info->substr(slash + 1));
  if (!used || !limit) return std::nullopt;
  return RateLimitSnapshot{*limit - *used, *limit, std::nullopt};
}

std::optional<RateLimitSnapshot> generic(const sdk::HttpResponse& response) {
  for (const char* prefix : {"ratelimit-", "x-ratelimit-"}) {
    const std::string p(prefix);
    const auto remaining = number_in(response.header(p + "remaining"));
    if (!remaining) continue;
    RateLimitSnapshot snapshot{*remaining, number_in(response.header(p + "limit")), std::nullopt};
    // `reset` is seconds until the window resets in the IETF draft; an epoch
    // time (GitHub) is far too large to be a delay and is ignored.
    if (const auto reset = number_in(response.header(p + "reset")); reset && *reset >= 0 && *reset < 86400) {
      snapshot.window = std::chrono::seconds(*reset);
    }
    return snapshot;
  }
  return std::nullopt;
}

}  // namespace

std::optional<RateLimitSnapshot> RateLimitHeaders::parse(const sdk::HttpResponse& response) {
  for (auto reader : {hubspot, zoho_credits, salesforce, generic}) {
    if (auto snapshot = reader(response)) return snapshot;
  }
  return std::nullopt;
}

}  // namespace crmsync::http_client
