#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace crmsync::zoho_crm {

// Zoho writes times as ISO 8601 with the org's offset ("2026-05-14T11:36:19+03:00").
// Cursors compare them as UTC seconds so records from orgs in other offsets order
// correctly; these two functions convert both ways.
[[nodiscard]] std::optional<std::int64_t> parse_iso_timestamp(const std::string& text);
// "2026-05-14T08:36:19+00:00": the form Zoho accepts in If-Modified-Since.
[[nodiscard]] std::string format_utc_timestamp(std::int64_t seconds_since_epoch);

}  // namespace crmsync::zoho_crm
