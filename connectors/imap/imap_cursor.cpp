#include "imap_cursor.hpp"

#include <charconv>

namespace crmsync::imap {
namespace {

std::optional<std::uint32_t> number(const std::string& text) {
  std::uint32_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

}  // namespace

std::optional<ImapCursor> ImapCursor::parse(const std::string& text) {
  if (text.empty()) return ImapCursor{};
  const auto colon = text.find(':');
  if (colon == std::string::npos) return std::nullopt;
  const auto validity = number(text.substr(0, colon));
  const auto uid = number(text.substr(colon + 1));
  if (!validity || !uid) return std::nullopt;
  return ImapCursor{*validity, *uid};
}

std::string ImapCursor::text() const {
  return std::to_string(uidvalidity) + ":" + std::to_string(last_uid);
}

}  // namespace crmsync::imap
