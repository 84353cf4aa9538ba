#pragma once

#include <chrono>

namespace crmsync::http_client {

// The time the HTTP client paces, backs off and refreshes tokens by, and the
// way it waits. Injected so tests run retries without sleeping for real.
class RetryClock {
 public:
  virtual ~RetryClock() = default;
  [[nodiscard]] virtual std::chrono::steady_clock::time_point now() const = 0;
  virtual void sleep_for(std::chrono::nanoseconds duration) = 0;
};

}  // namespace crmsync::http_client
