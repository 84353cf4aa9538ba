#pragma once

#include <string>
#include <string_view>

namespace crmsync::smtp {

// Base64 (RFC 4648) for encoded words and MIME bodies.
class Base64Text {
 public:
  [[nodiscard]] static std::string encode(std::string_view bytes);
  // Body form: CRLF after every 76 characters (RFC 2045 section 6.8).
  [[nodiscard]] static std::string encode_lines(std::string_view bytes);
};

}  // namespace crmsync::smtp
