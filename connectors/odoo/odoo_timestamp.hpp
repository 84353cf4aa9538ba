#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

// Odoo writes datetimes as naive UTC "YYYY-MM-DD HH:MM:SS". Servers behind
// other layers have been seen adding a "T", fractions or an offset, so all of
// those are read too and brought back to UTC.
namespace crmsync::odoo::odoo_timestamp {

// The instant, or nothing when the text is not a date-time (or a bare date,
// read as midnight UTC). Fractions of a second are dropped, as Odoo does.
[[nodiscard]] std::optional<std::chrono::sys_seconds> parse(std::string_view text);

// "2024-05-02T09:15:00Z", for the canonical fields.
[[nodiscard]] std::string iso_utc(std::chrono::sys_seconds instant);

// "2024-05-02 09:15:00", the form Odoo compares in a domain.
[[nodiscard]] std::string domain_value(std::chrono::sys_seconds instant);

// The canonical form of an Odoo value, or "" when it is not a date-time.
[[nodiscard]] std::string to_iso(std::string_view text);

}  // namespace crmsync::odoo::odoo_timestamp
