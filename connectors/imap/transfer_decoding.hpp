#pragma once

#include <string>
#include <string_view>

namespace crmsync::imap {

// Undoes MIME content transfer encodings (RFC 2045) and the "B"/"Q" forms of
// RFC 2047. Broken input decodes as far as it goes; nothing throws.
class TransferDecoding {
 public:
  [[nodiscard]] static std::string base64(std::string_view text);
  // `underscore_is_space` for RFC 2047 "Q" words.
  [[nodiscard]] static std::string quoted_printable(std::string_view text, bool underscore_is_space);
  // By the Content-Transfer-Encoding value; 7bit/8bit/binary/unknown pass through.
  [[nodiscard]] static std::string by_name(std::string_view text, std::string_view encoding);
};

}  // namespace crmsync::imap
