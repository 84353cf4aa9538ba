#pragma once

#include <optional>
#include <string>

namespace crmsync::conformance::sample {

// "2026-01-04T04:55:00+08:00" -> "2026-01-03T20:55:00Z": the API writes some
// times in other offsets, and cursors must compare as plain strings.
std::optional<std::string> to_utc_text(const std::string& iso_time);

}  // namespace crmsync::conformance::sample
