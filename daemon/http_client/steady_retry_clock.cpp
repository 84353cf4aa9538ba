#include "daemon/http_client/steady_retry_clock.hpp"

#include <thread>

namespace crmsync::http_client {

std::chrono::steady_clock::time_point SteadyRetryClock::now() const {
  return std::chrono::steady_clock::now();
}

void SteadyRetryClock::sleep_for(std::chrono::nanoseconds duration) {
  if (duration > std::chrono::nanoseconds::zero()) std::this_thread::sleep_for(duration);
}

}  // namespace crmsync::http_client
