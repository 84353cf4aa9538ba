#pragma once

#include <string>

namespace crmsync::imap {

// Header values to UTF-8 text: RFC 2047 encoded words ("=?GB2312?B?...?=")
// decoded in their charset, the whitespace between adjacent words dropped.
class EncodedWordDecoder {
 public:
  [[nodiscard]] static std::string decode(const std::string& value);
};

}  // namespace crmsync::imap
