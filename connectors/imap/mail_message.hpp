#pragma once

#include <map>
#include <string>
#include <vector>

namespace crmsync::imap {

// A received message, parsed as far as a reply needs: its headers (unfolded,
// raw) and its readable text, found in the MIME tree and decoded to UTF-8
// from any transfer encoding and charset.
class MailMessage {
 public:
  [[nodiscard]] static MailMessage parse(const std::string& raw);

  // The first header of that name (any case), unfolded; "" when absent.
  [[nodiscard]] std::string header(const std::string& name) const;
  // The header with encoded words decoded to UTF-8.
  [[nodiscard]] std::string decoded_header(const std::string& name) const;
  // The bare sender address from From:, lower case; "" when there is none.
  [[nodiscard]] std::string sender_address() const;
  // The first text/plain part; failing that the first text/html part with its
  // tags removed. UTF-8, LF line ends.
  [[nodiscard]] const std::string& text() const { return text_; }
  // Every text part, plain and html, joined: where links and tokens are looked for.
  [[nodiscard]] const std::string& all_text() const { return all_text_; }

 private:
  std::map<std::string, std::string> headers_;  // lower-case name -> value
  std::string text_;
  std::string all_text_;
};

}  // namespace crmsync::imap
