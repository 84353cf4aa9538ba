#pragma once

#include <string>

#include "outgoing_email.hpp"

namespace crmsync::smtp {

// Writes an OutgoingEmail as an RFC 5322 / MIME message with CRLF line ends:
// encoded-word headers, base64 UTF-8 bodies, multipart/alternative when there
// is HTML. The same email always gives the same bytes (the boundary comes
// from the Message-ID), so a retried delivery sends an identical message.
class MimeComposer {
 public:
  [[nodiscard]] static std::string compose(const OutgoingEmail& email);
  // RFC 5322 date-time in UTC, e.g. "Mon, 23 Nov 2026 14:05:09 +0000".
  [[nodiscard]] static std::string format_date(std::chrono::system_clock::time_point when);
};

}  // namespace crmsync::smtp
