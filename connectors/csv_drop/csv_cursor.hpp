#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace crmsync::csv_drop {

// A position in a stream's files, as the host stores it between reads:
// "<sha256 of the file>:<data rows done>" inside a file, "<sha256>:done"
// once its last batch has been committed.
struct CsvCursor {
  std::string sha256;
  std::uint64_t rows = 0;
  bool done = false;

  [[nodiscard]] static std::optional<CsvCursor> parse(std::string_view text);
  [[nodiscard]] std::string to_string() const;
};

}  // namespace crmsync::csv_drop
