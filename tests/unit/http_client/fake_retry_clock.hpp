#pragma once

#include <chrono>
#include <vector>

#include "daemon/http_client/retry_clock.hpp"

namespace crmsync::testing {

// A clock that moves only when the client sleeps (or the test advances it),
// and remembers every sleep, so retry waits are checked without waiting.
class FakeRetryClock final : public http_client::RetryClock {
 public:
  [[nodiscard]] std::chrono::steady_clock::time_point now() const override { return start_ + elapsed_; }
  void sleep_for(std::chrono::nanoseconds duration) override {
    sleeps_.push_back(duration);
    elapsed_ += duration;
  }
  void advance(std::chrono::nanoseconds duration) { elapsed_ += duration; }

  [[nodiscard]] const std::vector<std::chrono::nanoseconds>& sleeps() const { return sleeps_; }
  [[nodiscard]] std::chrono::nanoseconds total_slept() const {
    std::chrono::nanoseconds total{0};
    for (auto sleep : sleeps_) total += sleep;
    return total;
  }

 private:
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::nanoseconds elapsed_{0};
  std::vector<std::chrono::nanoseconds> sleeps_;
};

}  // namespace crmsync::testing
