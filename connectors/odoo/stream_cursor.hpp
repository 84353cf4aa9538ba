#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "id_range_set.hpp"

namespace crmsync::odoo {

// Where a stream's read stands, as the host keeps it between runs.
//
// Odoo filters on write_date to the second but stores it finer, and one
// transaction stamps every record it touches with the same time, so many
// records can share a second. The cursor therefore holds the last second read
// plus the ids already delivered within it; the next read asks for
// `write_date >= since` without those ids unless they changed again (written
// in a later second), which loses nothing at a page or run boundary and
// repeats nothing.
//
// `known` (only for streams that look for unlinked records) is the set of ids
// delivered and not deleted since; `scanned_at` is when the last comparison of
// that set with the server's ids finished.
struct StreamCursor {
  std::optional<std::chrono::sys_seconds> since;
  std::set<std::int64_t> seen_at_since;
  IdRangeSet known;
  std::optional<std::chrono::sys_seconds> scanned_at;

  // Moves past one delivered record written at `written`.
  void advance(std::chrono::sys_seconds written, std::int64_t id);

  [[nodiscard]] std::string encode() const;
  // "" is the start of the stream; anything unreadable gives nothing and `error`.
  [[nodiscard]] static std::optional<StreamCursor> decode(const std::string& text, std::string& error);

  // The search domain for "after this cursor", joined with the stream's own.
  [[nodiscard]] nlohmann::json domain_after(const nlohmann::json& base_domain) const;
};

}  // namespace crmsync::odoo
