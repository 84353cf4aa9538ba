#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace crmsync::imap {

// Where the replies stream stopped: "<uidvalidity>:<last uid>". UIDs only
// mean something within one UIDVALIDITY, so both travel together.
struct ImapCursor {
  std::uint32_t uidvalidity = 0;  // 0: nothing read yet
  std::uint32_t last_uid = 0;

  // "" gives the start; nothing when the text is not a cursor of this form.
  [[nodiscard]] static std::optional<ImapCursor> parse(const std::string& text);
  [[nodiscard]] std::string text() const;
};

}  // namespace crmsync::imap
