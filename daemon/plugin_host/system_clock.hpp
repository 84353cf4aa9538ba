#pragma once

#include "crmsync/sdk/host.hpp"

namespace crmsync::plugin_host {

class SystemClock final : public sdk::Clock {
 public:
  [[nodiscard]] std::chrono::system_clock::time_point now() const override {
    return std::chrono::system_clock::now();
  }
};

}  // namespace crmsync::plugin_host
