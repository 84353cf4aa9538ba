#pragma once

#include <string>

namespace crmsync::imap {

// The part of a reply its sender wrote: quoted history ("> " lines, "On ...
// wrote:", "在 ... 写道：", Outlook's "From:"/"发件人：" blocks, "-----Original
// Message-----") and signatures ("-- ", "Sent from my iPhone") cut off.
class ReplyText {
 public:
  [[nodiscard]] static std::string own_text(const std::string& body);
};

}  // namespace crmsync::imap
