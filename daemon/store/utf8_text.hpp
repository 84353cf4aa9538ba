#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace crmsync::store {

// UTF-8 checks the store needs before text reaches the database:
// PostgreSQL and MySQL (strict) reject invalid UTF-8 and NUL, which would
// fail the whole batch, and VARCHAR lengths count characters, not bytes.
class Utf8Text {
 public:
  // Well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF) without NUL.
  [[nodiscard]] static bool storable(std::string_view text);
  // Characters (code points) in valid UTF-8.
  [[nodiscard]] static std::size_t length(std::string_view text);
  // Invalid sequences and NUL replaced by U+FFFD: for dead letters, whose
  // payload is often rejected precisely for its encoding.
  [[nodiscard]] static std::string sanitized(std::string_view text);
};

}  // namespace crmsync::store
