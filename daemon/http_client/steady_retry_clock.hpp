#pragma once

#include "daemon/http_client/retry_clock.hpp"

namespace crmsync::http_client {

// The real clock: std::chrono::steady_clock and this_thread::sleep_for.
class SteadyRetryClock final : public RetryClock {
 public:
  [[nodiscard]] std::chrono::steady_clock::time_point now() const override;
  void sleep_for(std::chrono::nanoseconds duration) override;
};

}  // namespace crmsync::http_client
