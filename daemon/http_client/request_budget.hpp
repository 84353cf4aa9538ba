#pragma once

#include <chrono>
#include <mutex>

#include "daemon/http_client/rate_limit_headers.hpp"

namespace crmsync::http_client {

// A token bucket shared by every client of one credential, so all streams of
// an instance slow down together. Vendor headers slow it further before the
// vendor starts answering 429, and a 429 pauses every client of the key.
class RequestBudget {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;

  RequestBudget(double requests_per_second, int burst, TimePoint now);

  // Takes one request from the budget; returns how long the caller must wait
  // before sending it (zero when it may go now).
  [[nodiscard]] std::chrono::nanoseconds reserve(TimePoint now);
  // Slows down according to what the vendor said about its limit.
  void observe(const RateLimitSnapshot& snapshot, TimePoint now);
  // Holds back every client of this budget until `until` (after a 429).
  void pause_until(TimePoint until);
  // The lower of the configured rates, when several clients share a key.
  void limit_rate(double requests_per_second, int burst);

  [[nodiscard]] double current_rate(TimePoint now) const;

 private:
  void refill(TimePoint now);
  [[nodiscard]] double rate_at(TimePoint now) const;

  mutable std::mutex mutex_;
  double configured_rate_;
  double capacity_;
  double tokens_;
  TimePoint refilled_at_;
  TimePoint paused_until_{};
  double slowed_rate_ = 0.0;  // 0: not slowed
  TimePoint slowed_until_{};
};

}  // namespace crmsync::http_client
