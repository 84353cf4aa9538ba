#pragma once

#include <chrono>
#include <optional>

#include "crmsync/sdk/http.hpp"

namespace crmsync::http_client {

// What a vendor said about its rate limit in one response's headers.
struct RateLimitSnapshot {
  long remaining = 0;
  std::optional<long> limit;  // requests allowed per window
  std::optional<std::chrono::milliseconds>
      window;  // how long until the allowance is back (per-window limits)
};

// Reads the rate-limit headers vendors send: HubSpot `X-HubSpot-RateLimit-*`,
// Zoho `X-API-CREDITS-REMAINING`, Salesforce `Sforce-Limit-Info`, and the
// generic `RateLimit-*` / `X-RateLimit-*` (IETF draft and GitHub style).
class RateLimitHeaders {
 public:
  [[nodiscard]] static std::optional<RateLimitSnapshot> parse(const sdk::HttpResponse& response);
};

}  // namespace crmsync::http_client
