#pragma once

#include <string>
#include <string_view>

namespace crmsync::smtp {

// Turns UTF-8 text into header values a 7-bit mail system carries intact
// (RFC 5322 + RFC 2047 encoded words).
class HeaderEncoder {
 public:
  // An unstructured value (Subject): kept as is when it is short printable
  // ASCII, otherwise a folded sequence of "=?UTF-8?B?...?=" words that never
  // split a UTF-8 character.
  [[nodiscard]] static std::string unstructured(std::string_view text);
  // "Name <address>" with the name quoted or encoded as needed; just the
  // address when the name is empty.
  [[nodiscard]] static std::string mailbox(std::string_view display_name, std::string_view address);
  // True when the text could smuggle a header line (CR, LF or NUL).
  [[nodiscard]] static bool has_line_break(std::string_view text);
};

}  // namespace crmsync::smtp
