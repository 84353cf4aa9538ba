#pragma once

#include <string>

namespace crmsync::csv_drop {

// Where CsvReader gets its UTF-8 text from, one piece at a time.
class TextSource {
 public:
  enum class Result { text, end, error };

  virtual ~TextSource() = default;
  // Replaces `out` with the next piece of text (never empty when the result
  // is `text`).
  virtual Result read(std::string& out) = 0;
  // Why the last read() returned `error`.
  [[nodiscard]] virtual std::string error() const = 0;
};

}  // namespace crmsync::csv_drop
