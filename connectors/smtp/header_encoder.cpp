#include "header_encoder.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include "base64_text.hpp"

namespace crmsync::smtp {
namespace {

// 75 characters per encoded word (RFC 2047 section 2) minus "=?UTF-8?B?" and
// "?=" leaves 63 base64 characters: 45 bytes of text.
constexpr std::size_t kBytesPerWord = 45;
// Longer ASCII values are encoded too, so no line comes near the 998 limit.
constexpr std::size_t kLongestPlainValue = 900;

bool printable_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7f; });
}

bool is_continuation_byte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

std::string encoded_words(std::string_view text) {
  std::string out;
  std::size_t position = 0;
  while (position < text.size()) {
    std::size_t end = std::min(position + kBytesPerWord, text.size());
    while (end < text.size() && end > position + 1 && is_continuation_byte(text[end])) --end;
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + Base64Text::encode(text.substr(position, end - position)) + "?=";
    position = end;
  }
  return out;
}

bool is_atext_or_space(char c) {
  const auto u = static_cast<unsigned char>(c);
  if (std::isalnum(u) != 0 || c == ' ') return true;
  return std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

}  // namespace

bool HeaderEncoder::has_line_break(std::string_view text) {
  return text.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos;
}

std::string HeaderEncoder::unstructured(std::string_view text) {
  if (printable_ascii(text) && text.size() <= kLongestPlainValue) return std::string(text);
  return encoded_words(text);
}

std::string HeaderEncoder::mailbox(std::string_view display_name, std::string_view address) {
  const std::string angle_address = "<" + std::string(address) + ">";
  if (display_name.empty()) return angle_address;
  if (!printable_ascii(display_name) || display_name.size() > kLongestPlainValue)
    return encoded_words(display_name) + " " + angle_address;
  if (std::all_of(display_name.begin(), display_name.end(), is_atext_or_space))
    return std::string(display_name) + " " + angle_address;
  std::string quoted = "\"";
  for (const char c : display_name) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "\" " + angle_address;
}

}  // namespace crmsync::smtp
