#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace crmsync::hubspot {

// HubSpot writes times as ISO 8601 UTC with milliseconds
// ("2026-02-28T15:18:25.872Z"); some properties and older payloads carry epoch
// milliseconds as text, and imported data other offsets. Both become epoch
// milliseconds, the unit of the search filter.
[[nodiscard]] std::optional<std::int64_t> parse_time_millis(const std::string& text);
// "2026-02-28T15:18:25.872Z"
[[nodiscard]] std::string format_time_millis(std::int64_t millis_since_epoch);

}  // namespace crmsync::hubspot
