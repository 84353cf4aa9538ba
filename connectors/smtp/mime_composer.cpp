#include "mime_composer.hpp"

#include <array>
#include <cstdio>
#include <ctime>

#include <openssl/evp.h>

#include "base64_text.hpp"
#include "header_encoder.hpp"

namespace crmsync::smtp {
namespace {

std::string hex_digest(const std::string& text) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  EVP_Digest(text.data(), text.size(), digest.data(), &length, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < length; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 0x0f];
  }
  return out;
}

// "=_" cannot occur in base64 text, so the boundary never collides with a body.
std::string boundary_for(const std::string& message_id) {
  return "=_crmsync_" + hex_digest(message_id).substr(0, 32);
}

// Text in MIME has CRLF line breaks (RFC 2046 4.1.1), also inside base64.
std::string with_crlf_line_breaks(const std::string& text) {
  std::string out;
  out.reserve(text.size() + text.size() / 32);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) out += '\r';
    out += text[i];
  }
  return out;
}

std::string body(const std::string& text) {
  return Base64Text::encode_lines(with_crlf_line_breaks(text));
}

std::string text_part_headers(const char* subtype) {
  return std::string("Content-Type: text/") + subtype +
         "; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
}

std::string list_unsubscribe(const OutgoingEmail& email) {
  std::string value = "<" + email.unsubscribe_url + ">";
  if (!email.unsubscribe_mailto.empty()) value += ",\r\n <mailto:" + email.unsubscribe_mailto + ">";
  return value;
}

}  // namespace

std::string MimeComposer::format_date(std::chrono::system_clock::time_point when) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  static constexpr std::array<const char*, 7> kDays{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::array<char, 64> text{};
  std::snprintf(text.data(), text.size(), "%s, %02d %s %04d %02d:%02d:%02d +0000",
                kDays[static_cast<std::size_t>(utc.tm_wday)], utc.tm_mday,
                kMonths[static_cast<std::size_t>(utc.tm_mon)], utc.tm_year + 1900, utc.tm_hour, utc.tm_min,
                utc.tm_sec);
  return text.data();
}

std::string MimeComposer::compose(const OutgoingEmail& email) {
  std::string out;
  out += "Date: " + format_date(email.date) + "\r\n";
  out += "From: " + HeaderEncoder::mailbox(email.from_name, email.from_address) + "\r\n";
  out += "To: " + HeaderEncoder::mailbox(email.to_name, email.to_address) + "\r\n";
  out += "Subject: " + HeaderEncoder::unstructured(email.subject) + "\r\n";
  out += "Message-ID: " + email.message_id + "\r\n";
  out += "List-Unsubscribe: " + list_unsubscribe(email) + "\r\n";
  out += "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n";
  // Tells auto-responders not to answer (RFC 3834); replies from people still come.
  out += "Auto-Submitted: auto-generated\r\n";
  if (!email.language.empty()) out += "Content-Language: " + email.language + "\r\n";
  out += "MIME-Version: 1.0\r\n";
  if (email.html_body.empty()) {
    out += text_part_headers("plain");
    out += body(email.text_body);
    return out;
  }
  const std::string boundary = boundary_for(email.message_id);
  out += "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n";
  // Least preferred first (RFC 2046 section 5.1.4): clients that show HTML pick it.
  out += "--" + boundary + "\r\n" + text_part_headers("plain") + body(email.text_body);
  out += "--" + boundary + "\r\n" + text_part_headers("html") + body(email.html_body);
  out += "--" + boundary + "--\r\n";
  return out;
}

}  // namespace crmsync::smtp
