#pragma once

#include <optional>
#include <string>

namespace crmsync::imap {

// RFC 5322 dates ("Mon, 23 Nov 2026 22:05:09 +0800", with or without the day
// name, seconds or a trailing "(CST)") to ISO 8601 UTC ("2026-11-23T14:05:09Z").
class MailDate {
 public:
  [[nodiscard]] static std::optional<std::string> to_iso8601_utc(const std::string& value);
};

}  // namespace crmsync::imap
