#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <random>
#include <string>

#include "crmsync/sdk/http.hpp"

namespace crmsync::http_client {

// Which answers deserve another attempt and how long to wait before it:
// exponential backoff with jitter, or the server's Retry-After when it gave one.
class RetryPolicy {
 public:
  struct Settings {
    std::chrono::milliseconds first_delay{500};
    std::chrono::milliseconds longest_delay{30000};
  };

  explicit RetryPolicy(Settings settings, std::uint32_t seed = std::random_device{}());

  [[nodiscard]] static bool is_retryable_status(long status);
  // The wait `Retry-After` asks for (delta-seconds or an HTTP-date), if present.
  [[nodiscard]] static std::optional<std::chrono::seconds> retry_after(
      const sdk::HttpResponse& response, std::chrono::system_clock::time_point now);
  // The backoff before attempt `next_attempt` (2 for the first retry).
  [[nodiscard]] std::chrono::milliseconds backoff(int next_attempt);

 private:
  Settings settings_;
  std::mt19937 random_;
};

}  // namespace crmsync::http_client
