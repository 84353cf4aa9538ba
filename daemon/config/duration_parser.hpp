#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "daemon/common/expected.hpp"

namespace crmsync::config {

// Parses the durations of config files: "45s", "5m", "2h", "1d", combinations
// such as "1h30m", or a plain number of seconds ("90").
class DurationParser {
 public:
  // The error says what was expected; it never echoes the text, which may
  // have come from a reference.
  [[nodiscard]] static Expected<std::chrono::seconds, std::string> parse(std::string_view text);
};

}  // namespace crmsync::config
