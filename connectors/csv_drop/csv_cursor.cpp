#include "csv_cursor.hpp"

#include <algorithm>
#include <charconv>

namespace crmsync::csv_drop {

std::optional<CsvCursor> CsvCursor::parse(std::string_view text) {
  const auto colon = text.find(':');
  if (colon != 64) return std::nullopt;
  const std::string_view hash = text.substr(0, colon);
  const bool hex = std::all_of(hash.begin(), hash.end(),
                               [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
  if (!hex) return std::nullopt;
  CsvCursor cursor;
  cursor.sha256 = std::string(hash);
  const std::string_view position = text.substr(colon + 1);
  if (position == "done") {
    cursor.done = true;
    return cursor;
  }
  const auto [end, error] = std::from_chars(position.data(), position.data() + position.size(), cursor.rows);
  if (error != std::errc() || end != position.data() + position.size() || position.empty())
    return std::nullopt;
  return cursor;
}

std::string CsvCursor::to_string() const {
  return sha256 + ":" + (done ? std::string("done") : std::to_string(rows));
}

}  // namespace crmsync::csv_drop
