#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace crmsync::mail {

// A duration option as the mail connectors accept it: "30s", "5m", "2h",
// "1d", "250ms", or plain seconds. Nothing for any other text.
[[nodiscard]] std::optional<std::chrono::milliseconds> parse_duration(const std::string& text);

}  // namespace crmsync::mail
