#pragma once

#include <string>

namespace crmsync::imap {

// Bytes in a MIME charset (GB2312, GBK, GB18030, Big5, ISO-8859-1, UTF-8, ...)
// to UTF-8 through ICU. Unknown charsets and invalid bytes never fail: they
// come out with U+FFFD, so one odd reply cannot stop a mailbox.
class CharsetText {
 public:
  [[nodiscard]] static std::string to_utf8(const std::string& bytes, const std::string& charset);
};

}  // namespace crmsync::imap
