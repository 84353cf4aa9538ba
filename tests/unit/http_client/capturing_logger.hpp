#pragma once

#include <string>
#include <vector>

#include "crmsync/sdk/host.hpp"

namespace crmsync::testing {

// Keeps every line logged, for tests that check what a log would show.
class CapturingLogger final : public sdk::Logger {
 public:
  void log(sdk::LogLevel, const std::string& message) override { lines.push_back(message); }
  std::vector<std::string> lines;
};

}  // namespace crmsync::testing
