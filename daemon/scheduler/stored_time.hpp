#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace crmsync::scheduler {

// Reads back the ISO 8601 UTC text the store keeps ("2024-05-01T09:30:00Z",
// see store::UtcTimestamp); nullopt for anything else.
std::optional<std::chrono::sys_seconds> parse_stored_time(const std::string& text);

}  // namespace crmsync::scheduler
